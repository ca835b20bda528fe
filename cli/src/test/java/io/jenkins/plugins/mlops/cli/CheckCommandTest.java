package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops check}: exit codes 0/1/2 and what it records in run.json. */
class CheckCommandTest {
    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A metric at the target passes with exit 0 and is recorded in the latest trial, the gate and the check step. */
    @Test
    void shouldPassAndRecordTheMetric() throws IOException {
        ChainStateStore store = new ChainStateStore(workspace);
        store.save(ChainState.start("run").withTrial(trial(1)).withTrial(trial(2)));
        Path workDir = Files.createDirectories(workspace.resolve(".mlops/trials/2/work"));
        Files.writeString(workDir.resolve("accuracy.txt"), "93%\n");

        int exit = execute("check", "--workspace", workspace.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("PASSED: accuracy 0.93 >= target 0.90 (accuracy.txt)")
                .contains("read as a percentage");
        ChainState state = store.load().orElseThrow();
        assertThat(state.gate().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(state.trial(2).orElseThrow().metric()).isEqualTo(0.93);
        assertThat(state.trial(2).orElseThrow().state()).isEqualTo(TrialState.COMPLETE);
        assertThat(state.trial(1).orElseThrow().metric()).isNull();
        assertThat(state.step(Step.CHECK).orElseThrow().state()).isEqualTo(StepState.SUCCESS);
    }

    /** Below the target exits 1; options override the target, metric file and direction. */
    @Test
    void shouldExitOneBelowTarget() throws IOException {
        Files.writeString(workspace.resolve("result.txt"), "accuracy: 0.93");

        int exit = execute("check", "--workspace", workspace.toString(), "--target", "0.95", "--metric-file",
                "result.txt");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("BELOW_TARGET: accuracy 0.93 < target 0.95 (result.txt)");
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.objective().target()).isEqualTo(0.95);
        assertThat(state.step(Step.CHECK).orElseThrow().state()).isEqualTo(StepState.UNSTABLE);
    }

    /** A minimised loss from metrics.json, answered as JSON. */
    @Test
    void shouldCheckAMinimisedMetricAsJson() throws IOException {
        Files.writeString(workspace.resolve("metrics.json"), "{\"loss\": 0.2, \"accuracy\": 0.5}");

        int exit = execute("check", "--workspace", workspace.toString(), "--metric", "loss", "--minimize",
                "--target", "0.25", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("{\"trial\":null,\"gate\":{\"verdict\":\"PASSED\",\"metric\":\"loss\","
                + "\"value\":0.2,\"target\":0.25,\"direction\":\"MINIMIZE\"");
    }

    /** No metric and an invalid metric both exit 2 with the reason on the output. */
    @Test
    void shouldExitTwoWithoutAValidMetric() throws IOException {
        assertThat(execute("check", "--workspace", workspace.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("NO_METRIC: No accuracy found");

        Files.writeString(workspace.resolve("accuracy.txt"), "NaN");
        assertThat(execute("check", "--workspace", workspace.toString())).isEqualTo(2);
        assertThat(out.toString()).contains("INVALID: accuracy.txt does not hold a valid accuracy");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().gate().verdict()).isEqualTo(Verdict.INVALID);
    }

    /** A trial whose training failed is FAILED with its message, exit 1, and its metric stays empty. */
    @Test
    void shouldReportAFailedTraining() throws IOException {
        ChainStateStore store = new ChainStateStore(workspace);
        store.save(ChainState.start("run").withTrial(TrialRecord.running(1, Map.of(), null, "baseline", null, null)
                .finish(TrialState.FAILED, null, 1000, null, "OOMKilled: memory limit 128 MiB\nmore")));
        Files.writeString(workspace.resolve("accuracy.txt"), "0.99");

        int exit = execute("check", "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).contains("FAILED: trial 1 failed: OOMKilled: memory limit 128 MiB; there is no "
                + "metric to check");
        ChainState state = store.load().orElseThrow();
        assertThat(state.trial(1).orElseThrow().metric()).isNull();
        assertThat(state.step(Step.CHECK).orElseThrow().state()).isEqualTo(StepState.FAILED);
    }

    /** A target written as a percentage is bad input (exit 2) with the fix. */
    @Test
    void shouldRejectAPercentageTarget() {
        int exit = execute("check", "--workspace", workspace.toString(), "--target", "90");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("target").contains("0.9");
    }

    private int execute(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static TrialRecord trial(final int number) {
        return TrialRecord.running(number, Map.of(), null, "trial " + number, null, null)
                .finish(TrialState.COMPLETE, null, 1000, null, null);
    }
}
