package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops fetch} and {@code mlops poll} against a real file:// repository. */
class FetchPollCommandIT {
    @TempDir
    private Path temp;

    private final InProcessMlops mlops = new InProcessMlops();

    /** Fetch prints the commit and records it; poll then says "unchanged" (exit 1) until a new commit (exit 0). */
    @Test
    void shouldFetchThenPollAgainstRecordedCommit() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        Path workspace = temp.resolve("ws");
        String url = GitRepositories.url(bare);

        int fetched = mlops.run("fetch", url, "--workspace", workspace.toString());

        String head = GitRepositories.head(bare, "main");
        assertThat(fetched).as(mlops.err()).isZero();
        assertThat(mlops.out()).contains("commit  " + head, "Ada Trainer <ada@example.org>", "  train.py");
        assertThat(new ChainStateStore(workspace).load()).map(ChainState::sourceCommit).hasValue(head);

        assertThat(mlops.run("poll", url, "--workspace", workspace.toString())).isEqualTo(1);
        assertThat(mlops.out()).contains(head + " (unchanged)");

        String next = GitRepositories.commit(bare, "main", "more", Map.of("train.py", "fit(2)"));
        assertThat(mlops.run("poll", url, "--workspace", workspace.toString(), "--json")).isZero();
        assertThat(mlops.out()).contains("{\"head\":\"" + next + "\",\"changed\":true}");
        assertThat(mlops.run("poll", url, "--since", next)).isEqualTo(1);
    }

    /** A missing branch is exit 2 with one line on stderr. */
    @Test
    void shouldExitTwoForMissingBranch() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));

        int exit = mlops.run("fetch", GitRepositories.url(bare), "--branch", "nope", "--workspace",
                temp.resolve("ws").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(mlops.err()).contains("mlops: The branch 'nope' does not exist");
    }
}
