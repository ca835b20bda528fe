package io.jenkins.plugins.mlops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git credentials are plain values: the SSH key travels as text, and no secret shows in toString. */
class GitCredentialsTest {
    private static final String KEY = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXk=\n"
            + "-----END OPENSSH PRIVATE KEY-----\n";

    /** An SSH key with its passphrase survives Java serialisation (as on the way to a Jenkins agent) whole. */
    @Test
    void shouldSerialiseAnSshKey() throws Exception {
        GitCredentials key = GitCredentials.sshKey(KEY, "pass phrase");

        assertThat(roundTrip(key)).isEqualTo(key);
        assertThat(key.hasSshKey()).isTrue();
        assertThat(key.hasPassword()).isFalse();
    }

    /** Neither key nor passphrase nor password is shown; all of them are secrets to mask. */
    @Test
    void shouldHideTheSecrets() {
        GitCredentials key = GitCredentials.sshKey(KEY, "pass phrase");

        assertThat(key.toString()).isEqualTo("GitCredentials[sshKey=****]");
        assertThat(key.secrets()).contains(KEY, "pass phrase");
        assertThat(GitCredentials.userPassword("bot", "s3cret").toString()).doesNotContain("s3cret");
        assertThat(GitCredentials.NONE.toString()).isEqualTo("GitCredentials[none]");
    }

    /** The file convenience reads the key at once; a missing file is one input error naming it. */
    @Test
    void shouldReadAKeyFileAtOnce(@TempDir final Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("id_ed25519"), KEY);
        GitCredentials key = GitCredentials.sshKeyFile(file, null);
        Files.delete(file);

        assertThat(key).isEqualTo(GitCredentials.sshKey(KEY, null));
        assertThatThrownBy(() -> GitCredentials.sshKeyFile(file, null))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("The SSH private key file " + file + " cannot be read");
    }

    private static Object roundTrip(final Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
