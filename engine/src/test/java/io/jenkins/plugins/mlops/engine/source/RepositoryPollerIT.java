package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.HttpGitServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Polling with ls-remote against real repositories. */
class RepositoryPollerIT {
    @TempDir
    private Path temp;

    private final RepositoryPoller poller = new RepositoryPoller();

    /** The head is reported, unchanged against itself and changed after a new commit, over HTTP with basic auth. */
    @Test
    void shouldSeeNewCommitOverHttp() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        GitCredentials credentials = GitCredentials.userPassword("ada", "pw");
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", "pw")) {
            String url = server.url("repo.git");
            PollResult first = poller.poll(url, "main", credentials, null);
            assertThat(first.head()).isEqualTo(GitRepositories.head(bare, "main"));
            assertThat(first.changed()).isTrue();
            assertThat(poller.poll(url, "main", credentials, first.head()).changed()).isFalse();

            String next = GitRepositories.commit(bare, "main", "next", Map.of("a.py", "2"));

            assertThat(poller.poll(url, "main", credentials, first.head())).isEqualTo(new PollResult(next, true));
        }
    }

    /** Polling never creates anything locally: it works without a workspace, over file://. */
    @Test
    void shouldPollFileRepository() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));

        PollResult result = poller.poll(GitRepositories.url(bare), "main", GitCredentials.NONE, "0".repeat(40));

        assertThat(result).isEqualTo(new PollResult(GitRepositories.head(bare, "main"), true));
    }

    /** A missing branch and a wrong password are clear errors without the password. */
    @Test
    void shouldReportMissingBranchAndWrongPassword() throws Exception {
        GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", "pw")) {
            String url = server.url("repo.git");
            assertThatThrownBy(() -> poller.poll(url, "dev", GitCredentials.userPassword("ada", "pw"), null))
                    .isInstanceOf(MlopsException.class).hasMessageContaining("branch 'dev' does not exist");
            assertThatThrownBy(() -> poller.poll(url, "main", GitCredentials.userPassword("ada", "wrong-pw"), null))
                    .isInstanceOf(MlopsException.class)
                    .hasMessageContaining("authentication was refused")
                    .hasMessageNotContaining("wrong-pw");
            assertThatThrownBy(() -> poller.poll(url, "main", GitCredentials.NONE, null))
                    .as("a server that asks for credentials when none were given refuses too")
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("authentication was refused");
        }
    }
}
