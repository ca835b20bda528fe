package io.jenkins.plugins.mlops.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.steps.CheckAccuracyStep;
import io.jenkins.plugins.mlops.steps.LoopStep;
import io.jenkins.plugins.mlops.steps.TweakBuilder;
import org.junit.jupiter.api.Test;

/**
 * Empty means "not set", a bad value is refused naming the field: a cleared default target used to bind to 0.0 and
 * let every check pass, and a maximum of 0 trials was accepted.
 */
class SettingValuesTest {
    @Test
    void shouldTreatEmptyAsNotSet() {
        assertThat(SettingValues.target("Default target", "")).isNull();
        assertThat(SettingValues.target("Default target", "  ")).isNull();
        assertThat(SettingValues.port("SMTP port", "")).isNull();
        assertThat(SettingValues.target("Default target", " 0.85 ")).isEqualTo(0.85);
        assertThat(SettingValues.port("SMTP port", "2525")).isEqualTo(2525);
        assertThat(SettingValues.security("SMTP security", "")).isEqualTo("starttls");
    }

    @Test
    void shouldRefuseBadValuesNamingTheField() {
        assertThatThrownBy(() -> SettingValues.target("Default target", "0,9"))
                .hasMessageContaining("Default target").hasMessageContaining("0,9");
        assertThatThrownBy(() -> SettingValues.target("Default target", "NaN")).hasMessageContaining("Default target");
        assertThatThrownBy(() -> SettingValues.port("SMTP port", "0")).hasMessageContaining("SMTP port");
        assertThatThrownBy(() -> SettingValues.port("SMTP port", "70000")).hasMessageContaining("SMTP port");
        assertThatThrownBy(() -> SettingValues.security("SMTP security", "tls")).hasMessageContaining("SMTP security");
    }

    /** The steps' setters refuse 0 trials or minutes and leave an unset value unset. */
    @Test
    void shouldRefuseZeroTrialsOnTheSteps() {
        LoopStep loop = new LoopStep("file:///repo.git");
        assertThatThrownBy(() -> loop.setMaxTrials(0)).hasMessageContaining("Maximum trials");
        assertThatThrownBy(() -> loop.setTimeoutMinutes(0)).hasMessageContaining("Timeout (minutes)");
        assertThatThrownBy(() -> new TweakBuilder().setMaxTrials(-1)).hasMessageContaining("Maximum trials");
        assertThatThrownBy(() -> new CheckAccuracyStep().setTarget(Double.NaN)).hasMessageContaining("Target");

        loop.setMaxTrials(null);
        assertThat(loop.getMaxTrials()).isNull();
        assertThat(loop.getTimeoutMinutes()).isNull();
    }
}
