package com.cloudbees.plugins.credentials;

/** Compile-only stub of com.cloudbees.plugins.credentials.CredentialsMatchers (credentials 1511.v2e3cb_0008ef0); never on a runtime classpath. */
public class CredentialsMatchers {
    public static CredentialsMatcher always() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static CredentialsMatcher withId(String id) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static <C extends Credentials> C firstOrNull(Iterable<C> credentials, CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
