package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotifyResultTest {
    /** A sent mail is a successful notify step and no warning. */
    @Test
    void shouldRecordASentMail() {
        ChainState state = new NotifyResult(NotifyResult.Outcome.SENT, "mail sent", null, List.of("a@example.com"))
                .recordIn(ChainState.start("r"), "2026-11-26T10:00:00Z", 120);

        assertThat(state.step(StepRecord.Step.NOTIFY)).get().satisfies(step -> {
            assertThat(step.state()).isEqualTo(StepRecord.StepState.SUCCESS);
            assertThat(step.summary()).isEqualTo("mailed 1");
            assertThat(step.durationMillis()).isEqualTo(120);
        });
        assertThat(state.warnings()).isEmpty();
    }

    /** A warning makes the step unstable and adds a run warning, never a failure. */
    @Test
    void shouldRecordAWarning() {
        ChainState state = new NotifyResult(NotifyResult.Outcome.WARNING, "mail not sent: down", null, List.of())
                .recordIn(ChainState.start("r"), "2026-11-26T10:00:00Z", 5);

        assertThat(state.step(StepRecord.Step.NOTIFY)).get()
                .satisfies(step -> assertThat(step.state()).isEqualTo(StepRecord.StepState.UNSTABLE));
        assertThat(state.warnings()).containsExactly("notify: mail not sent: down");
    }

    /** Only a warning counts as not delivered. */
    @Test
    void shouldTellDelivered() {
        assertThat(new NotifyResult(NotifyResult.Outcome.WRITTEN_TO_OUTBOX, "x", Path.of("a.eml"), List.of())
                .delivered()).isTrue();
        assertThat(new NotifyResult(NotifyResult.Outcome.WARNING, "x", null, List.of()).delivered()).isFalse();
    }
}
