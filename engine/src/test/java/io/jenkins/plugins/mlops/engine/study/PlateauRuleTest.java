package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.Trials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plateau rule that ends a study which no longer improves. */
class PlateauRuleTest {
    private static List<TrialRecord> metrics(final double... values) {
        List<TrialRecord> history = new ArrayList<>();
        for (double value : values) {
            history.add(Trials.complete(history.size() + 1, Map.of(), value));
        }
        return history;
    }

    /** Three trials without a gain beyond 0.01 stop the study; two do not. */
    @Test
    void shouldStopAfterPatienceTrialsWithoutImprovement() {
        PlateauRule rule = new PlateauRule(3, 0.01);

        assertThat(rule.shouldStop(metrics(0.80, 0.85, 0.85, 0.84), Direction.MAXIMIZE)).isFalse();
        assertThat(rule.shouldStop(metrics(0.80, 0.85, 0.85, 0.84, 0.855), Direction.MAXIMIZE)).isTrue();
        assertThat(rule.shouldStop(metrics(0.80, 0.85, 0.85, 0.84, 0.87), Direction.MAXIMIZE)).isFalse();
    }

    /** Tiny gains below min_delta do not move the best, so a slow creep is a plateau too. */
    @Test
    void shouldTreatACreepBelowMinDeltaAsAPlateau() {
        assertThat(new PlateauRule(3, 0.01).trialsWithoutImprovement(metrics(0.80, 0.805, 0.809, 0.8099),
                Direction.MAXIMIZE)).isEqualTo(3);
    }

    /** For a loss, falling is improving. */
    @Test
    void shouldFollowTheDirection() {
        PlateauRule rule = new PlateauRule(2, 0);

        assertThat(rule.shouldStop(metrics(0.5, 0.4, 0.3), Direction.MINIMIZE)).isFalse();
        assertThat(rule.shouldStop(metrics(0.5, 0.4, 0.3), Direction.MAXIMIZE)).isTrue();
    }

    /** Failed trials count as trials without gain; running ones are not counted yet. */
    @Test
    void shouldCountFailedButNotRunningTrials() {
        List<TrialRecord> history = metrics(0.7);
        history.add(Trials.ended(2, Map.of(), TrialState.FAILED));
        history.add(Trials.running(3, Map.of()));
        PlateauRule rule = new PlateauRule(2, 0);

        assertThat(rule.trialsWithoutImprovement(history, Direction.MAXIMIZE)).isEqualTo(1);
        history.add(Trials.ended(4, Map.of(), TrialState.TIMED_OUT));
        assertThat(rule.shouldStop(history, Direction.MAXIMIZE)).isTrue();
    }

    /** An empty study is no plateau, and nonsense settings are refused. */
    @Test
    void shouldNotStopAnEmptyStudyAndRefuseBadSettings() {
        assertThat(new PlateauRule(1, 0).shouldStop(List.of(), Direction.MAXIMIZE)).isFalse();
        assertThatThrownBy(() -> new PlateauRule(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlateauRule(2, -0.1)).isInstanceOf(IllegalArgumentException.class);
    }
}
