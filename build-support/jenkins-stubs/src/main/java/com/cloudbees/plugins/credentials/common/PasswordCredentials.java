package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.Credentials;
import hudson.util.Secret;

/** Compile-only stub of com.cloudbees.plugins.credentials.common.PasswordCredentials (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public interface PasswordCredentials extends Credentials {
    Secret getPassword();
}
