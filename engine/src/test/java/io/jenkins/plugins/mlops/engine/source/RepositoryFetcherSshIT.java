package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.SshGitServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.File;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.util.FS;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FetchRepo and polling over SSH with a private key, against a real SSH git server. */
class RepositoryFetcherSshIT {
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

    /**
     * With the accepted key, given as encrypted text with its passphrase (decrypted in memory, never a file), fetch
     * clones and poll sees the head; a wrong passphrase or a key the server refuses is a clear error.
     */
    @Test
    void shouldFetchAndPollWithSshKey() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        try (SshGitServer server = SshGitServer.start(temp, temp.resolve("home"))) {
            FS.DETECTED.setUserHome(server.home().toFile());
            String encrypted = server.encryptedClientKey("correct horse");
            GitCredentials key = GitCredentials.sshKey(encrypted, "correct horse");

            FetchResult result = new RepositoryFetcher().fetch(
                    new FetchRequest(server.url("repo.git"), "main", key, temp.resolve("ws"), 0), new RunLog());
            PollResult poll = new RepositoryPoller().poll(server.url("repo.git"), "main", key, result.commit());

            assertThat(result.commit()).isEqualTo(GitRepositories.head(bare, "main"));
            assertThat(temp.resolve("ws/train.py")).hasContent("fit()");
            assertThat(poll.changed()).isFalse();
            GitCredentials wrongPassphrase = GitCredentials.sshKey(encrypted, "battery staple");
            assertThatThrownBy(() -> new RepositoryPoller().poll(server.url("repo.git"), "main", wrongPassphrase,
                    null))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("The SSH private key of the git credentials cannot be loaded")
                    .hasMessageNotContaining("battery staple");
            GitCredentials stranger = GitCredentials.sshKey(server.strangerKey(), null);
            assertThatThrownBy(() -> new RepositoryPoller().poll(server.url("repo.git"), "main", stranger, null))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("authentication was refused");
        }
    }
}
