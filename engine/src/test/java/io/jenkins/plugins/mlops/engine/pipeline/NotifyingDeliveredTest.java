package io.jenkins.plugins.mlops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mails rendered into the outbox and sent by another process (Jenkins' controller): the notify step then says what
 * became of them instead of "in outbox", keeping when it started.
 */
class NotifyingDeliveredTest {
    private static final String STARTED = "2026-12-03T07:00:00Z";

    /** All sent: one successful notify step counting every recipient. */
    @Test
    void shouldRecordTheSentMails() {
        ChainState delivered = Notifying.delivered(rendered(), List.of(sent("dev@example.com"),
                sent("lead@example.com", "author@example.com")));

        StepRecord notify = delivered.step(Step.NOTIFY).orElseThrow();
        assertThat(notify.state()).isEqualTo(StepState.SUCCESS);
        assertThat(notify.summary()).isEqualTo("mailed 3");
        assertThat(notify.startedAt()).isEqualTo(STARTED);
        assertThat(delivered.warnings()).isEqualTo(rendered().warnings());
    }

    /** One not sent: the step is unstable and the run warns, whatever the others did. */
    @Test
    void shouldWarnAboutAMailThatWasNotSent() {
        NotifyResult failed = new NotifyResult(NotifyResult.Outcome.WARNING, "mail not sent: server down", null,
                List.of("lead@example.com"));

        ChainState delivered = Notifying.delivered(rendered(), List.of(sent("dev@example.com"), failed));

        assertThat(delivered.step(Step.NOTIFY).orElseThrow().state()).isEqualTo(StepState.UNSTABLE);
        assertThat(delivered.warnings()).contains("notify: mail not sent: server down");
    }

    /** Nothing delivered: the state stays as it was. */
    @Test
    void shouldKeepTheStateWithoutDeliveries() {
        ChainState rendered = rendered();

        assertThat(Notifying.delivered(rendered, List.of())).isEqualTo(rendered);
    }

    private static ChainState rendered() {
        return new NotifyResult(NotifyResult.Outcome.WRITTEN_TO_OUTBOX, "written", Path.of("outbox/a.eml"),
                List.of("dev@example.com")).recordIn(ChainStateFixtures.fullState(), STARTED, 40);
    }

    private static NotifyResult sent(final String... recipients) {
        return new NotifyResult(NotifyResult.Outcome.SENT, "mail sent", null, List.of(recipients));
    }
}
