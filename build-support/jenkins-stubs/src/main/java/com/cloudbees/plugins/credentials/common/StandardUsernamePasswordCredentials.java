package com.cloudbees.plugins.credentials.common;

/** Compile-only stub of com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public interface StandardUsernamePasswordCredentials extends StandardUsernameCredentials, UsernamePasswordCredentials {
}
