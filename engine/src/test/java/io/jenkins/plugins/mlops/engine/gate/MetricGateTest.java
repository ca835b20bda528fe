package io.jenkins.plugins.mlops.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The gate's verdicts in both directions, and its one-line reasons. */
class MetricGateTest {
    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    /** Maximising: at or above the target passes, below does not. */
    @ParameterizedTest(name = "[{index}] {0} vs 0.90")
    @CsvSource({"0.93,PASSED,accuracy 0.93 >= target 0.90 (accuracy.txt)",
            "0.90,PASSED,accuracy 0.90 >= target 0.90 (accuracy.txt)",
            "93%,PASSED,accuracy 0.93 >= target 0.90 (accuracy.txt)",
            "0.87,BELOW_TARGET,accuracy 0.87 < target 0.90 (accuracy.txt)"})
    void shouldJudgeAMaximisedMetric(final String written, final Verdict verdict, final String reason)
            throws IOException {
        Files.writeString(workspace.resolve("accuracy.txt"), written);

        GateResult result = new MetricGate().check(workspace, List.of(), GateSpec.DEFAULT, log);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.metric()).isEqualTo("accuracy");
        assertThat(result.target()).isEqualTo(0.9);
        assertThat(log.getInfoMessages()).last().asString().startsWith("gate: " + verdict);
    }

    /** Minimising (a loss): at or below the target passes, above does not. */
    @ParameterizedTest(name = "[{index}] loss {0} vs 0.25")
    @CsvSource({"0.21,PASSED,loss 0.21 <= target 0.25 (stdout)",
            "0.25,PASSED,loss 0.25 <= target 0.25 (stdout)",
            "0.31,BELOW_TARGET,loss 0.31 > target 0.25 (stdout)"})
    void shouldJudgeAMinimisedMetric(final String written, final Verdict verdict, final String reason) {
        GateSpec loss = new GateSpec(new Objective("loss", 0.25, Direction.MINIMIZE), null);

        GateResult result = new MetricGate().check(workspace, List.of("MLOPS_METRIC loss=" + written), loss, log);

        assertThat(result.verdict()).isEqualTo(verdict);
        assertThat(result.reason()).isEqualTo(reason);
        assertThat(result.value()).isEqualTo(Double.parseDouble(written));
        assertThat(result.direction()).isEqualTo(Direction.MINIMIZE);
    }

    /** No metric anywhere gives NO_METRIC without a value. */
    @Test
    void shouldGiveNoMetric() {
        GateResult result = new MetricGate().check(workspace, List.of(), GateSpec.DEFAULT, log);

        assertThat(result.verdict()).isEqualTo(Verdict.NO_METRIC);
        assertThat(result.value()).isNull();
        assertThat(result.reason()).startsWith("No accuracy found").doesNotContain("\n");
    }

    /** Something unreadable gives INVALID, naming the file. */
    @Test
    void shouldGiveInvalid() throws IOException {
        Files.writeString(workspace.resolve("accuracy.txt"), "nan\n");

        GateResult result = new MetricGate().check(workspace, List.of(), GateSpec.DEFAULT, log);

        assertThat(result.verdict()).isEqualTo(Verdict.INVALID);
        assertThat(result.reason()).contains("accuracy.txt").contains("content \"nan\\n\"");
        assertThat(log.hasErrors()).isTrue();
    }

    /** A training that timed out is FAILED with the first line of its message, and no value. */
    @Test
    void shouldGiveFailedForATrainingThatDidNotComplete() {
        TrialRecord trial = TrialRecord.running(4, Map.of(), null, "x", null, null)
                .finish(TrialState.TIMED_OUT, null, 7_200_000, null, "timed out after 2 h\nlast lines...");

        GateResult result = MetricGate.trainingFailed(trial, GateSpec.DEFAULT);

        assertThat(result.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(result.value()).isNull();
        assertThat(result.reason()).isEqualTo("trial 4 timed out: timed out after 2 h; there is no metric to check");
    }
}
