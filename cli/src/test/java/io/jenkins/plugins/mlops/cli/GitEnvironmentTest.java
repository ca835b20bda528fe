package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Git credentials come from the environment only. */
class GitEnvironmentTest {
    /** User and password, an SSH key, or nothing; blank values count as unset. */
    @Test
    void shouldReadCredentialsFromEnvironment(@TempDir final Path dir) throws IOException {
        Path key = Files.writeString(dir.resolve("id_ed25519"), "-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n");

        assertThat(GitEnvironment.credentials(Map.of())).isEqualTo(GitCredentials.NONE);
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_USERNAME", "ada", "MLOPS_GIT_PASSWORD", "pw")))
                .isEqualTo(GitCredentials.userPassword("ada", "pw"));
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_PASSWORD", "token")).password()).isEqualTo("token");
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_SSH_KEY", key.toString(), "MLOPS_GIT_PASSWORD", " ",
                "MLOPS_GIT_SSH_PASSPHRASE", "secret")))
                .isEqualTo(GitCredentials.sshKey("-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n", "secret"));
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_PASSWORD", "  "))).isEqualTo(GitCredentials.NONE);
    }

    /** The key file is read at once: a missing one is a clear input error naming it. */
    @Test
    void shouldReportAMissingKeyFile(@TempDir final Path dir) {
        Path missing = dir.resolve("id_ed25519");

        assertThatThrownBy(() -> GitEnvironment.credentials(Map.of("MLOPS_GIT_SSH_KEY", missing.toString())))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("The SSH private key file " + missing + " cannot be read");
    }
}
