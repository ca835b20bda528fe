package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/**
 * An SSH session factory that offers keys held in memory: the private key text of the git credentials is decoded
 * (and decrypted with its passphrase) here, and never written to a file. Host keys are still checked against the
 * user's {@code ~/.ssh/known_hosts}, so a spoofed server is refused rather than trusted.
 */
final class MemoryKeySessionFactory extends SshdSessionFactory {
    /** How the key is named in sshd's messages: never the key itself. */
    private static final NamedResource KEY_NAME = NamedResource.ofName("the SSH private key of the git credentials");

    private final List<KeyPair> keys;

    private MemoryKeySessionFactory(final List<KeyPair> keys) {
        this.keys = keys;
    }

    /**
     * A factory offering the keys in {@code privateKey} (OpenSSH or PEM text).
     *
     * @throws MlopsException (input) when the text holds no key or the passphrase does not decrypt it
     */
    static MemoryKeySessionFactory of(final String privateKey, final String passphrase) {
        List<KeyPair> keys = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(privateKey.getBytes(StandardCharsets.UTF_8))) {
            Iterable<KeyPair> loaded = SecurityUtils.loadKeyPairIdentities(null, KEY_NAME, in,
                    passphrase == null ? null : FilePasswordProvider.of(passphrase));
            if (loaded != null) {
                loaded.forEach(keys::add);
            }
        }
        catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw unreadable(Secrets.mask(String.valueOf(e.getMessage()), privateKey, passphrase));
        }
        if (keys.isEmpty()) {
            throw unreadable("no private key found");
        }
        return new MemoryKeySessionFactory(List.copyOf(keys));
    }

    private static MlopsException unreadable(final String problem) {
        return MlopsException.input("The SSH private key of the git credentials cannot be loaded (" + problem
                + "). Give the private key itself (the text from -----BEGIN ... PRIVATE KEY----- to -----END ... "
                + "PRIVATE KEY-----) and, if it is encrypted, its passphrase.");
    }

    @Override
    protected Iterable<KeyPair> getDefaultKeys(final File sshDir) {
        return keys;
    }
}
