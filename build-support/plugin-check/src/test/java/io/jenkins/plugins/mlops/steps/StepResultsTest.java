package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What people read of a result: rounded, spaced; what scripts read: the full number. */
class StepResultsTest {
    private static final double VALUE = 0.5422222222222223;

    @Test
    void shouldRoundForPeopleAndKeepTheFullNumberForScripts() {
        ChainState state = ChainState.start("r1")
                .withTrial(TrialRecord.running(1, Map.of(), null, "baseline", null, null)
                        .finish(TrialState.COMPLETE, VALUE, 0, null, null))
                .withGate(new GateResult(Verdict.BELOW_TARGET, "accuracy", VALUE, 0.9, Direction.MAXIMIZE,
                        "below target"));

        assertThat(StepResults.gate(state)).containsEntry("value", VALUE)
                .containsEntry("display", "accuracy 0.5422 (target 0.90) after 1 trial(s) - BELOW_TARGET");
    }

    @Test
    void shouldWriteTheSummaryLineRounded() {
        assertThat("best " + MlopsRunAction.line("accuracy", VALUE, 0.9, 5, "BELOW_TARGET"))
                .isEqualTo("best accuracy 0.5422 (target 0.90) after 5 trial(s) - BELOW_TARGET");
        assertThat(MlopsRunAction.line("accuracy", 0.95, 0.9, 2, null))
                .isEqualTo("accuracy 0.95 (target 0.90) after 2 trial(s)");
    }
}
