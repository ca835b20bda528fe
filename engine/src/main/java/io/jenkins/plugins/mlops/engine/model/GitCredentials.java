package io.jenkins.plugins.mlops.engine.model;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to authenticate to a git remote: nothing (file://, anonymous HTTP), username + password/token over HTTPS, or
 * an SSH private key. The key travels as its text, not as a file name, so the credentials are plain serialisable
 * values that reach a Jenkins agent whole; the engine loads the key from memory where it connects and never writes
 * it to disk. {@link #toString()} never shows a secret.
 *
 * @param username   the HTTPS user name, or {@code null}
 * @param password   the HTTPS password or token, or {@code null}
 * @param privateKey the SSH private key itself (OpenSSH or PEM text, one or more keys), or {@code null}
 * @param passphrase the key's passphrase, or {@code null}
 */
public record GitCredentials(String username, String password, String privateKey, String passphrase)
        implements Serializable {
    private static final long serialVersionUID = 2L;

    /** No credentials. */
    public static final GitCredentials NONE = new GitCredentials(null, null, null, null);

    /** Username + password or token for HTTPS. */
    public static GitCredentials userPassword(final String username, final String password) {
        return new GitCredentials(username, password, null, null);
    }

    /** An SSH private key (its text, e.g. {@code -----BEGIN OPENSSH PRIVATE KEY-----...}) with an optional passphrase. */
    public static GitCredentials sshKey(final String privateKey, final String passphrase) {
        return new GitCredentials(null, null, privateKey, passphrase);
    }

    /**
     * The SSH private key in {@code keyFile}, read now, with an optional passphrase.
     *
     * @throws MlopsException (input) when the file cannot be read
     */
    public static GitCredentials sshKeyFile(final Path keyFile, final String passphrase) {
        try {
            return sshKey(Files.readString(keyFile, StandardCharsets.UTF_8), passphrase);
        }
        catch (IOException e) {
            throw MlopsException.input("The SSH private key file " + keyFile + " cannot be read ("
                    + e.getClass().getSimpleName() + "). Point it at a readable private key, e.g. ~/.ssh/id_ed25519.");
        }
    }

    /** Whether username/password are set. */
    public boolean hasPassword() {
        return username != null && password != null;
    }

    /** Whether an SSH private key is set. */
    public boolean hasSshKey() {
        return privateKey != null && !privateKey.isBlank();
    }

    /** The secret values (password, private key, passphrase; unset ones are {@code null}), for masking in texts. */
    public String[] secrets() {
        return new String[] {password, privateKey, passphrase};
    }

    @Override
    public String toString() {
        if (hasPassword()) {
            return "GitCredentials[user=" + username + ", password=****]";
        }
        return hasSshKey() ? "GitCredentials[sshKey=****]" : "GitCredentials[none]";
    }
}
