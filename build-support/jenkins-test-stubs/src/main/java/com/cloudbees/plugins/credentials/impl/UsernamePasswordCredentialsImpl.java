package com.cloudbees.plugins.credentials.impl;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.model.Descriptor;
import hudson.util.Secret;

/** Compile-only stub of com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public class UsernamePasswordCredentialsImpl extends BaseStandardCredentials implements
        StandardUsernamePasswordCredentials {
    public UsernamePasswordCredentialsImpl(CredentialsScope scope, String id, String description, String username,
            String password) throws Descriptor.FormException {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Secret getPassword() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public String getUsername() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
