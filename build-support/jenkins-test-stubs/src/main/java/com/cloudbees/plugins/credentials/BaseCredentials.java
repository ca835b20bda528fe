package com.cloudbees.plugins.credentials;

/** Compile-only stub of com.cloudbees.plugins.credentials.BaseCredentials (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public class BaseCredentials implements Credentials {
}
