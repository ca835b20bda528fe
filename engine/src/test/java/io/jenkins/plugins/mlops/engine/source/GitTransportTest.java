package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.junit.jupiter.api.Test;

/** SSH clients are made once per key and reused, so long-lived processes do not pile up SSH client threads. */
class GitTransportTest {
    /** The same key gets the same client; another key another one. */
    @Test
    void shouldReuseTheSshClientOfAKey() throws Exception {
        String key = newKey();

        SshdSessionFactory first = GitTransport.sshClient(key, null);
        SshdSessionFactory again = GitTransport.sshClient(key, null);
        SshdSessionFactory other = GitTransport.sshClient(newKey(), null);

        assertThat(again).isSameAs(first);
        assertThat(other).isNotSameAs(first);
    }

    /** Beyond the bound the least recently used client is dropped (and closed); a later use makes a new one. */
    @Test
    void shouldDropTheLeastRecentlyUsedClient() throws Exception {
        String oldest = newKey();
        SshdSessionFactory dropped = GitTransport.sshClient(oldest, null);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(newKey());
            GitTransport.sshClient(keys.get(i), null);
        }

        assertThat(GitTransport.sshClient(keys.get(7), null)).isSameAs(GitTransport.sshClient(keys.get(7), null));
        assertThat(GitTransport.sshClient(oldest, null)).isNotSameAs(dropped);
    }

    private static String newKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate()
                .getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    }
}
