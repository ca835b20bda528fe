package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.BaseCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;

/** Compile-only stub of com.cloudbees.plugins.credentials.impl.BaseStandardCredentials (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public abstract class BaseStandardCredentials extends BaseCredentials implements StandardCredentials {
    @Override
    public String getId() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
