package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a notification ended. A {@link Outcome#WARNING} is recorded as a warning in {@code ChainState.warnings} by the
 * caller; it never fails the chain, because a model that passed must not be lost over a mail.
 *
 * @param outcome    sent, written to the outbox, or a warning
 * @param detail     one line for logs: where the mail went, or why it did not
 * @param emlFile    the outbox file: where the mail went without an SMTP server, or where an undelivered one is
 *                   kept; {@code null} when sent, or when it could not be written
 * @param recipients who the mail was (or would have been) addressed to
 */
public record NotifyResult(Outcome outcome, String detail, Path emlFile, List<String> recipients) {
    /** How a notification ended. */
    public enum Outcome {
        /** The SMTP server accepted the mail for every recipient. */
        SENT,
        /** No SMTP server is configured; the mail was written to the outbox folder as an .eml file. */
        WRITTEN_TO_OUTBOX,
        /** The mail could not be delivered; the chain goes on with a warning. */
        WARNING
    }

    public NotifyResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        recipients = List.copyOf(recipients);
    }

    /**
     * {@code state} with this result recorded: the notify step (success, or unstable for a warning) and, for a
     * warning, a warning in {@code ChainState.warnings}. Never holds a password: the detail is built without it.
     *
     * @param state          the chain state to add to
     * @param startedAt      ISO-8601 instant the step started
     * @param durationMillis how long it took
     * @return the new state
     */
    public ChainState recordIn(final ChainState state, final String startedAt, final long durationMillis) {
        String summary = switch (outcome) {
            case SENT -> "mailed " + recipients.size();
            case WRITTEN_TO_OUTBOX -> "in outbox";
            case WARNING -> "mail failed";
        };
        ChainState recorded = state.withStep(new StepRecord(StepRecord.Step.NOTIFY, outcome == Outcome.WARNING
                ? StepRecord.StepState.UNSTABLE : StepRecord.StepState.SUCCESS, startedAt, durationMillis, 1, summary));
        return outcome == Outcome.WARNING ? recorded.withWarning("notify: " + detail) : recorded;
    }

    /** Whether the mail went somewhere (sent or in the outbox). */
    public boolean delivered() {
        return outcome != Outcome.WARNING;
    }
}
