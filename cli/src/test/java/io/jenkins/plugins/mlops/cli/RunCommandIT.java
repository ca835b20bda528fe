package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops demo} and {@code mlops run} end to end: real containers, a real file:// repository. */
@RequiresDocker
class RunCommandIT {
    @TempDir
    private Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The demo's weak model is rewritten until it meets 0.90; the summary, report and mail are where it says. */
    @Test
    void shouldTrainTheDemoModelToTheTarget() throws IOException {
        ChainState state;
        int exit = run("demo", "--dir", dir.resolve("demo").toString(), "--quiet", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("verdict").asText()).isEqualTo("PASSED");
        assertThat(summary.get("target").asDouble()).isEqualTo(0.9);
        assertThat(summary.get("best").get("metric").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(summary.get("trials").asInt()).isGreaterThan(1);
        assertThat(summary.get("mode").asText()).isEqualTo("in-build");
        Path workspace = dir.resolve("demo/workspace");
        state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.trials()).extracting(TrialRecord::state).contains(TrialState.COMPLETE);
        assertThat(state.trials().get(1).diff()).contains("--- a/train.py", "+++ b/train.py");
        assertThat(state.detection().type().toString()).isEqualTo("sklearn/ann");
        assertThat(workspace.resolve(".mlops/report.html")).exists();
        assertThat(workspace.resolve("model.joblib")).exists();
        try (Stream<Path> mails = Files.list(workspace.resolve(".mlops/outbox"))) {
            assertThat(mails).anyMatch(p -> p.toString().endsWith(".eml"));
        }
        assertThat(err.toString()).contains("Trial 2:");
        assertThat(summary.get("published").get("branch").asText()).isEqualTo("mlops/models");
        try (Git remote = Git.open(dir.resolve("demo/remote.git").toFile())) {
            ObjectId models = remote.getRepository().resolve("refs/heads/mlops/models");
            assertThat(models).isNotNull();
            assertThat(models.getName()).isEqualTo(state.published().commit());
            assertThat(remote.getRepository().resolve("refs/tags/" + state.published().tag() + "^{commit}"))
                    .isEqualTo(models);
        }
    }

    /** watch polls, trains the new commit once, and stops after --max-runs. */
    @Test
    void shouldWatchAndTrainANewCommit() {
        String url = LocalRepositories.createBare(dir.resolve("remote.git"), "main", Map.of("train.py", """
                from sklearn.datasets import load_digits
                from sklearn.linear_model import LogisticRegression
                X, y = load_digits(return_X_y=True)
                model = LogisticRegression(max_iter=2000).fit(X[:1200], y[:1200])
                print(f"MLOPS_METRIC accuracy={model.score(X[1200:], y[1200:]):.4f}")
                """.getBytes(StandardCharsets.UTF_8)), "good model", "Dana", "dana@example.com");

        int exit = run("watch", "--url", url, "--workspace", dir.resolve("ws").toString(), "--max-runs", "1",
                "--interval", "1", "--quiet", "--no-publish");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("New commit", "Verdict:   PASSED");
        ChainState state = new ChainStateStore(dir.resolve("ws")).load().orElseThrow();
        assertThat(state.trials()).hasSize(1);
        assertThat(state.detection().type().toString()).isEqualTo("sklearn/logistic_regression");
    }

    /** A misspelt key in mlops.yml stops the run before anything trains, exit 2, naming the key. */
    @Test
    void shouldRejectABadConfigWithExitTwo() throws IOException {
        Files.writeString(dir.resolve("train.py"), "from sklearn.linear_model import LogisticRegression\n"
                + "LogisticRegression().fit([[0], [1]], [0, 1])\n");
        Files.writeString(dir.resolve("mlops.yml"), "targett: 0.9\n");

        int exit = run("run", "--workspace", dir.toString(), "--quiet");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("unknown key 'targett'", "did you mean 'target'");
        assertThat(dir.resolve(".mlops/trials")).doesNotExist();
    }

    private int run(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
