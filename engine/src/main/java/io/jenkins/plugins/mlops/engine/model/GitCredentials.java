package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.nio.file.Path;

/**
 * How to authenticate to a git remote: nothing (file://, anonymous HTTP), username + password/token over HTTPS, or
 * an SSH private key. {@link #toString()} never shows the secret.
 *
 * @param username   the HTTPS user name, or {@code null}
 * @param password   the HTTPS password or token, or {@code null}
 * @param sshKey     an SSH private key file, or {@code null}
 * @param passphrase the key's passphrase, or {@code null}
 */
public record GitCredentials(String username, String password, Path sshKey, String passphrase)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** No credentials. */
    public static final GitCredentials NONE = new GitCredentials(null, null, null, null);

    /** Username + password or token for HTTPS. */
    public static GitCredentials userPassword(final String username, final String password) {
        return new GitCredentials(username, password, null, null);
    }

    /** An SSH private key with an optional passphrase. */
    public static GitCredentials sshKey(final Path key, final String passphrase) {
        return new GitCredentials(null, null, key, passphrase);
    }

    /** Whether username/password are set. */
    public boolean hasPassword() {
        return username != null && password != null;
    }

    /** The secret values (password, passphrase; unset ones are {@code null}), for masking them in texts. */
    public String[] secrets() {
        return new String[] {password, passphrase};
    }

    @Override
    public String toString() {
        if (hasPassword()) {
            return "GitCredentials[user=" + username + ", password=****]";
        }
        return sshKey == null ? "GitCredentials[none]" : "GitCredentials[sshKey=" + sshKey + "]";
    }
}
