package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Git credentials come from the environment only. */
class GitEnvironmentTest {
    /** User and password, an SSH key, or nothing; blank values count as unset. */
    @Test
    void shouldReadCredentialsFromEnvironment() {
        assertThat(GitEnvironment.credentials(Map.of())).isEqualTo(GitCredentials.NONE);
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_USERNAME", "ada", "MLOPS_GIT_PASSWORD", "pw")))
                .isEqualTo(GitCredentials.userPassword("ada", "pw"));
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_PASSWORD", "token")).password()).isEqualTo("token");
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_SSH_KEY", "/k/id_ed25519", "MLOPS_GIT_PASSWORD", " ")))
                .isEqualTo(GitCredentials.sshKey(Path.of("/k/id_ed25519"), null));
        assertThat(GitEnvironment.credentials(Map.of("MLOPS_GIT_PASSWORD", "  "))).isEqualTo(GitCredentials.NONE);
    }
}
