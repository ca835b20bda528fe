package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops fetch} and {@code mlops poll} against a real file:// repository. */
class FetchPollCommandIT {
    @TempDir
    private Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Fetch prints the commit and records it; poll then says "unchanged" (exit 1) until a new commit (exit 0). */
    @Test
    void shouldFetchThenPollAgainstRecordedCommit() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        Path workspace = temp.resolve("ws");
        String url = GitRepositories.url(bare);

        int fetched = run("fetch", url, "--workspace", workspace.toString());

        String head = GitRepositories.head(bare, "main");
        assertThat(fetched).as(err.toString()).isZero();
        assertThat(out.toString()).contains("commit  " + head, "Ada Trainer <ada@example.org>", "  train.py");
        assertThat(new RunStateStore(workspace).load()).map(RunState::sourceCommit).hasValue(head);

        assertThat(run("poll", url, "--workspace", workspace.toString())).isEqualTo(1);
        assertThat(out.toString()).contains(head + " (unchanged)");

        String next = GitRepositories.commit(bare, "main", "more", Map.of("train.py", "fit(2)"));
        assertThat(run("poll", url, "--workspace", workspace.toString(), "--json")).isZero();
        assertThat(out.toString()).contains("{\"head\":\"" + next + "\",\"changed\":true}");
        assertThat(run("poll", url, "--since", next)).isEqualTo(1);
    }

    /** A missing branch is exit 2 with one line on stderr. */
    @Test
    void shouldExitTwoForMissingBranch() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));

        int exit = run("fetch", GitRepositories.url(bare), "--branch", "nope", "--workspace",
                temp.resolve("ws").toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("mlops: The branch 'nope' does not exist");
    }

    private int run(final String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
