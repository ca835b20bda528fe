package io.jenkins.plugins.mlops.engine.notify;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How a notification ended. A {@link Outcome#WARNING} is recorded as a run warning by the caller; it never fails a
 * run, because a model that passed must not be lost over a mail.
 *
 * @param outcome    sent, written to the outbox, or a warning
 * @param detail     one line for logs: where the mail went, or why it did not
 * @param emlFile    the outbox file, or {@code null} unless {@link Outcome#WRITTEN_TO_OUTBOX}
 * @param recipients who the mail was (or would have been) addressed to
 */
public record NotifyResult(Outcome outcome, String detail, Path emlFile, List<String> recipients) {
    /** How a notification ended. */
    public enum Outcome {
        /** The SMTP server accepted the mail for every recipient. */
        SENT,
        /** No SMTP server is configured; the mail was written to the outbox folder as an .eml file. */
        WRITTEN_TO_OUTBOX,
        /** The mail could not be delivered; the run goes on with a warning. */
        WARNING
    }

    public NotifyResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
        recipients = List.copyOf(recipients);
    }

    /** Whether the mail went somewhere (sent or in the outbox). */
    public boolean delivered() {
        return outcome != Outcome.WARNING;
    }
}
