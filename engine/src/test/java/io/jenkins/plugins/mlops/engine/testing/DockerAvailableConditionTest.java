package io.jenkins.plugins.mlops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** The Docker guard: runs when the daemon answers, skips without one, fails without one in CI. */
class DockerAvailableConditionTest {
    /** A daemon that answers enables the test, in CI or not. */
    @Test
    void shouldRunWhenTheDaemonAnswers() {
        assertThat(DockerAvailableCondition.decide(null, Map.<String, String>of()::get).isDisabled()).isFalse();
        assertThat(DockerAvailableCondition.decide(null, Map.of("CI", "true")::get).isDisabled()).isFalse();
    }

    /** Without a daemon the test is skipped and the reason says why. */
    @Test
    void shouldSkipWithoutDaemon() {
        ConditionEvaluationResult result = DockerAvailableCondition.decide("socket missing",
                Map.<String, String>of()::get);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason).contains("socket missing"));
    }

    /** With CI=true a missing daemon fails instead of skipping. */
    @Test
    void shouldFailWithoutDaemonInCi() {
        assertThatThrownBy(() -> DockerAvailableCondition.decide("socket missing", Map.of("CI", "true")::get))
                .hasMessageContaining("CI=true").hasMessageContaining("socket missing");
    }
}
