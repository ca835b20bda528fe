package io.jenkins.plugins.mlops.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.SshGitServer;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PublishModel over SSH with a private key, against a real SSH git server. */
class ModelPublisherSshIT {
    @TempDir
    private Path temp;

    private File realHome;

    /** The SSH client reads known_hosts from the user's home: point it at the test server's. */
    @BeforeEach
    void rememberHome() {
        realHome = FS.DETECTED.userHome();
    }

    /** Gives the real home back to the rest of the test JVM. */
    @AfterEach
    void restoreHome() {
        FS.DETECTED.setUserHome(realHome);
    }

    /** Commit and tag arrive over SSH, with the key read from a file as the CLI does. */
    @Test
    void shouldPublishOverSsh() throws Exception {
        Path bare = GitRepositories.createBare(temp, "models.git");
        Path workspace = Files.createDirectories(temp.resolve("plain"));
        Files.write(workspace.resolve("model.pt"), new byte[] {9});
        try (SshGitServer server = SshGitServer.start(temp, temp.resolve("home"))) {
            FS.DETECTED.setUserHome(server.home().toFile());
            ModelCard card = new ModelCard("accuracy", 0.91, 0.9, "maximize", Verdict.PASSED, "pytorch", "cnn", 2,
                    Map.of(), null, 2, null, null, "2026-11-26T20:00:00Z");
            PublishRequest request = new PublishRequest(workspace, server.url("models.git"), null,
                    GitCredentials.sshKeyFile(server.clientKey(), null), null, List.of("model.pt"), card,
                    "model-2-accuracy-0.91", 0, false, null);

            PublishResult result = new ModelPublisher().publish(request, new RunLog());

            assertThat(GitRepositories.head(bare, "mlops/models")).isEqualTo(result.published().commit());
            assertThat(GitRepositories.head(bare, "refs/tags/model-2-accuracy-0.91")).isNotNull();
        }
    }
}
