package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What a verdict does to a step: below target the step is marked unstable (its flow node, not only the build, so
 * stage view and graph view stop showing green), any verdict but PASSED and BELOW_TARGET fails it.
 */
class StepRunnerTest {
    /** The mail links to the build's MLOps page when Jenkins knows its own address, and to nothing otherwise. */
    @Test
    void shouldLinkTheMailToTheBuildsPage() {
        assertThat(StepRunner.reportPage(Map.of("BUILD_URL", "https://ci.example/job/model/7/")))
                .isEqualTo("https://ci.example/job/model/7/mlops/");
        assertThat(StepRunner.reportPage(Map.of("BUILD_URL", "https://ci.example/job/model/7")))
                .isEqualTo("https://ci.example/job/model/7/mlops/");
        assertThat(StepRunner.reportPage(Map.of("BUILD_URL", " "))).isNull();
        assertThat(StepRunner.reportPage(Map.of())).isNull();
    }

    @Test
    void shouldMapEachVerdict() {
        assertThat(StepRunner.consequence(null)).isEqualTo(StepRunner.Consequence.PASS);
        assertThat(StepRunner.consequence(gate(Verdict.PASSED))).isEqualTo(StepRunner.Consequence.PASS);
        assertThat(StepRunner.consequence(gate(Verdict.BELOW_TARGET))).isEqualTo(StepRunner.Consequence.UNSTABLE);
        for (Verdict verdict : Verdict.values()) {
            if (verdict != Verdict.PASSED && verdict != Verdict.BELOW_TARGET) {
                assertThat(StepRunner.consequence(gate(verdict))).as(verdict.name())
                        .isEqualTo(StepRunner.Consequence.FAIL);
            }
        }
    }

    /** The marker hears the gate's reason; a passed gate marks nothing. */
    @Test
    void shouldMarkOnlyBelowTarget() throws Exception {
        List<String> marked = new ArrayList<>();

        StepRunner.applyVerdict(null, null, gate(Verdict.PASSED), marked::add);

        assertThat(marked).isEmpty();
    }

    private static GateResult gate(final Verdict verdict) {
        return new GateResult(verdict, "accuracy", verdict == Verdict.PASSED ? 0.95 : 0.5, 0.9, Direction.MAXIMIZE,
                "accuracy 0.50 below target 0.90");
    }
}
