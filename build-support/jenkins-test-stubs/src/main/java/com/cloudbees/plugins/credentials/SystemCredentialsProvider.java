package com.cloudbees.plugins.credentials;

import hudson.model.AbstractDescribableImpl;
import hudson.model.Saveable;
import java.io.IOException;
import java.util.List;

/** Compile-only stub of com.cloudbees.plugins.credentials.SystemCredentialsProvider (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public class SystemCredentialsProvider extends AbstractDescribableImpl<SystemCredentialsProvider> implements Saveable {
    public static SystemCredentialsProvider getInstance() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public List<Credentials> getCredentials() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void save() throws IOException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
