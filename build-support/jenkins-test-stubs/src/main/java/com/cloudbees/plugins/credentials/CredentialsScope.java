package com.cloudbees.plugins.credentials;

import java.io.Serializable;

/** Compile-only stub of com.cloudbees.plugins.credentials.CredentialsScope (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public enum CredentialsScope implements Serializable {
    SYSTEM,
    GLOBAL
}
