package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;

/** Compile-only stub of com.cloudbees.plugins.credentials.common.UsernameCredentials (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public interface UsernameCredentials extends Credentials {
    String getUsername();
}
