package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The steps run one by one judge a model the way {@code mlops run} does. */
@RequiresDocker
class StepByStepIT {
    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A script that only prints MLOPS_METRIC: train, then check, finds the metric on the saved stdout lines. */
    @Test
    void shouldCheckTheMetricTheTrainingPrinted() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print('MLOPS_METRIC accuracy=0.93')\n");

        int trained = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1", "--entry",
                "train.py", "--quiet");
        int checked = run("check", "--workspace", workspace.toString());

        assertThat(trained).as(err.toString()).isZero();
        assertThat(checked).as(err.toString()).isZero();
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.gate().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(state.trial(1).orElseThrow().metric()).isEqualTo(0.93);
    }

    /** A folder holding only train.py: train detects first (once, saying so), check judges, tweak edits the code. */
    @Test
    void shouldTrainCheckAndTweakInABareFolder() throws IOException {
        Files.write(workspace.resolve("train.py"), demoModel());
        String folder = workspace.toString();

        int trained = run("train", "--workspace", folder, "--quiet");
        int checked = run("check", "--workspace", folder);
        int tweaked = run("tweak", "--workspace", folder);
        int retrained = run("train", "--workspace", folder, "--quiet");
        int rechecked = run("check", "--workspace", folder);

        String said = out + err.toString();
        assertThat(List.of(trained, checked, tweaked, retrained, rechecked)).as(said).containsExactly(0, 1, 0, 0, 1);
        assertThat(said.split("Nothing was detected yet", -1)).hasSize(2);
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.detection().entry()).isEqualTo("train.py");
        assertThat(state.detection().type().framework()).isEqualTo(Framework.SKLEARN);
        assertThat(state.detection().image()).isEqualTo("mlops/sklearn:0.1");
        assertThat(state.trials()).extracting(TrialRecord::number).containsExactly(1, 2);
        assertThat(state.trials()).allSatisfy(trial -> assertThat(trial.metric()).isNotNull());
        assertThat(state.trial(2).orElseThrow().diff()).contains("+++");
        assertThat(state.gate().verdict()).isEqualTo(Verdict.BELOW_TARGET);
    }

    /** fetch, detect, then train/check/tweak by hand give the trials, metrics and changes that mlops run gives. */
    @Test
    void shouldRecordWhatRunRecords() throws IOException {
        String url = LocalRepositories.createBare(workspace.resolve("remote.git"), "main", Map.of("train.py",
                demoModel()), "weak model", "Dana", "dana@example.com");
        Path byRun = workspace.resolve("by-run");
        Path bySteps = workspace.resolve("by-steps");

        int chain = run("run", "--url", url, "--workspace", byRun.toString(), "--max-trials", "3", "--target", "0.99",
                "--quiet", "--no-publish");
        assertThat(run("fetch", url, "--workspace", bySteps.toString())).as(err.toString()).isZero();
        assertThat(run("detect", "--workspace", bySteps.toString())).as(err.toString()).isZero();
        for (int trial = 1; trial <= 3; trial++) {
            if (trial > 1) {
                assertThat(run("tweak", "--workspace", bySteps.toString())).as(err.toString()).isZero();
            }
            assertThat(run("train", "--workspace", bySteps.toString(), "--quiet")).as(err.toString()).isZero();
            assertThat(run("check", "--workspace", bySteps.toString(), "--target", "0.99")).isEqualTo(1);
        }

        assertThat(chain).as(err.toString()).isEqualTo(1);
        ChainState expected = new ChainStateStore(byRun).load().orElseThrow();
        ChainState actual = new ChainStateStore(bySteps).load().orElseThrow();
        assertThat(actual.trials()).extracting(TrialRecord::number, TrialRecord::state, TrialRecord::metric)
                .isEqualTo(expected.trials().stream().map(t -> tuple(t.number(), t.state(), t.metric())).toList());
        assertThat(actual.trials().stream().skip(1).map(TrialRecord::diff).toList())
                .isEqualTo(expected.trials().stream().skip(1).map(TrialRecord::diff).toList());
        assertThat(actual.detection().type()).isEqualTo(expected.detection().type());
        assertThat(actual.sourceCommit()).isEqualTo(expected.sourceCommit());
        assertThat(actual.gate().verdict()).isEqualTo(expected.gate().verdict()).isEqualTo(Verdict.BELOW_TARGET);
    }

    private static byte[] demoModel() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("demo/sklearn/train.py")) {
            return in.readAllBytes();
        }
    }

    private int run(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
