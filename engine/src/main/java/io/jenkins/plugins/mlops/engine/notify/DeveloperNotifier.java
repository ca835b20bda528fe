package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.awt.AWTError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The notify step: tells the developer how the chain went, by SMTP or, without an SMTP host, as an
 * {@code .eml} file in the outbox. Delivery problems never throw: transient ones are retried with backoff, and what
 * still fails comes back as a {@link NotifyResult.Outcome#WARNING}, because a failed mail must never fail (or lose)
 * a model that passed. Only bad settings throw (e.g. a line break in the subject, which would inject headers).
 */
public final class DeveloperNotifier {
    /** The default pauses between the three tries. */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(4));

    /** Waits between tries; replaceable so tests need not wait. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final List<Duration> retryDelays;
    private final Sleeper sleeper;
    private final Clock clock;
    private final MailComposer composer = new MailComposer();
    private final String outboxReason;
    private final MailSettingNames names;

    /** A notifier that tries three times, pausing {@link #DEFAULT_RETRY_DELAYS}. */
    public DeveloperNotifier() {
        this(DEFAULT_RETRY_DELAYS);
    }

    /** A notifier that tries {@code retryDelays.size() + 1} times, pausing as given between tries. */
    public DeveloperNotifier(final List<Duration> retryDelays) {
        this(retryDelays, duration -> Thread.sleep(duration.toMillis()), Clock.systemUTC());
    }

    DeveloperNotifier(final List<Duration> retryDelays, final Sleeper sleeper, final Clock clock) {
        this(retryDelays, sleeper, clock, "no SMTP server configured (MLOPS_SMTP_HOST)",
                MailSettingNames.ENVIRONMENT);
    }

    private DeveloperNotifier(final List<Duration> retryDelays, final Sleeper sleeper, final Clock clock,
            final String outboxReason, final MailSettingNames names) {
        this.retryDelays = List.copyOf(retryDelays);
        this.sleeper = sleeper;
        this.clock = clock;
        this.outboxReason = outboxReason;
        this.names = names;
    }

    /**
     * This notifier, saying {@code reason} when a mail goes to the outbox instead of {@code MLOPS_SMTP_HOST}: a front
     * end names its own setting, or says that another machine sends the outbox (Jenkins' controller).
     */
    public DeveloperNotifier withOutboxReason(final String reason) {
        return new DeveloperNotifier(retryDelays, sleeper, clock, reason, names);
    }

    /**
     * This notifier, naming {@code settingNames} when sending fails, so that a front end without the
     * {@code MLOPS_SMTP_*} variables (Jenkins) points at its own settings.
     */
    public DeveloperNotifier withSettingNames(final MailSettingNames settingNames) {
        return new DeveloperNotifier(retryDelays, sleeper, clock, outboxReason, settingNames);
    }

    /**
     * Sends a mail that was rendered elsewhere (an {@code .eml} of the outbox) through the SMTP server of
     * {@code server}, with the same retries as {@link #notify}. Jenkins renders the mail on the agent, which holds the
     * workspace and its chain state, and sends it from the controller, which alone holds the SMTP login.
     *
     * @param server where to send (host, port, security, login); its sender and recipients are not used
     * @param eml    the rendered message with its headers (From, To, Subject)
     * @param log    receives one line about where the mail went (or why not) and each retry
     * @return sent, or a warning with a one-line reason (also when {@code server} names no SMTP host); an
     *         undelivered mail is not written anywhere here, since it is still where it was rendered
     */
    public NotifyResult deliver(final MailSettings server, final byte[] eml, final RunLog log) {
        if (!server.smtpConfigured()) {
            return warning(log, "no SMTP server to send the rendered mail with", List.of());
        }
        SmtpDelivery smtp = new SmtpDelivery(server, names);
        MimeMessage message;
        List<String> recipients = new ArrayList<>();
        try {
            message = new MimeMessage(smtp.session(), new ByteArrayInputStream(eml));
            Address[] all = message.getAllRecipients();
            for (Address address : all == null ? new Address[0] : all) {
                recipients.add(address instanceof InternetAddress internet ? internet.getAddress()
                        : address.toString());
            }
        }
        catch (MessagingException e) {
            return warning(log, "cannot read the rendered mail (" + e.getMessage() + ")", recipients);
        }
        if (recipients.isEmpty()) {
            return warning(log, "the rendered mail has no recipients", recipients);
        }
        // This process is not the one that rendered the mail (its outbox, or its working folder, is no place for
        // it): the caller keeps the rendered file for the next try.
        return send(smtp, server, message, recipients, log,
                reason -> warning(log, reason + "; the rendered mail stays in the outbox it was rendered into",
                        recipients));
    }

    /**
     * Composes the mail about {@code notification} and delivers it as {@code settings} say.
     *
     * @param settings     where the mail goes
     * @param notification what it says and the commit author
     * @param log          receives one line about where the mail went (or why not) and each retry
     * @return sent, written to the outbox, or a warning with a one-line reason
     * @throws MlopsException (input) when the rendered subject contains a line break (header injection)
     */
    public NotifyResult notify(final MailSettings settings, final Notification notification, final RunLog log) {
        Objects.requireNonNull(settings, "settings");
        List<String> recipients = recipients(settings, notification, log);
        MailContent content = composer.compose(settings.subjectTemplate(), notification, chart(notification, log));
        if (recipients.isEmpty()) {
            return warning(log, "no recipients: set MLOPS_MAIL_TO (or notify.to in mlops.yml)", recipients);
        }
        SmtpDelivery smtp = settings.smtpConfigured() ? new SmtpDelivery(settings, names) : null;
        MimeMessage message;
        try {
            Session session = smtp == null ? Session.getInstance(new Properties()) : smtp.session();
            message = MimeMessages.build(session, settings.from(), recipients, content, clock.instant());
        }
        catch (MessagingException e) {
            return warning(log, "cannot build the mail (" + e.getMessage() + ")", recipients);
        }
        return smtp == null ? toOutbox(settings.outbox(), message, notification, recipients, log)
                : send(smtp, settings, message, recipients, log, reason -> undelivered(settings, message,
                        notification.state().chainId(), reason, recipients, log));
    }

    private NotifyResult send(final SmtpDelivery smtp, final MailSettings settings, final MimeMessage message,
            final List<String> recipients, final RunLog log, final Function<String, NotifyResult> notSent) {
        int tries = retryDelays.size() + 1;
        for (int attempt = 1; ; attempt++) {
            try {
                smtp.send(message);
                String detail = "mail sent to " + String.join(", ", recipients) + " via " + settings.destination();
                log.info("notify: %s", detail);
                return new NotifyResult(NotifyResult.Outcome.SENT, detail, null, recipients);
            }
            catch (MessagingException e) {
                SmtpDelivery.Failure failure = smtp.classify(e);
                if (!failure.transientFailure()) {
                    return notSent.apply("mail not sent: " + failure.reason());
                }
                if (attempt >= tries) {
                    return notSent.apply("mail not sent after " + tries + " tries: " + failure.reason());
                }
                Duration delay = retryDelays.get(attempt - 1);
                log.info("notify: try %d of %d failed (%s); trying again in %d ms", attempt, tries,
                        failure.reason(), delay.toMillis());
                try {
                    sleeper.sleep(delay);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return notSent.apply("mail not sent: interrupted while waiting to try again");
                }
            }
        }
    }

    /**
     * A mail the server did not take is not lost: it is kept in the outbox, and the warning says where, so that it
     * can be opened with a mail client or sent again.
     */
    private NotifyResult undelivered(final MailSettings settings, final MimeMessage message, final String chainId,
            final String reason, final List<String> recipients, final RunLog log) {
        try {
            Path file = Outbox.write(settings.outbox(), message, chainId, clock.instant());
            String detail = reason + "; the mail is kept in " + file;
            log.error("notify: WARNING %s", detail);
            return new NotifyResult(NotifyResult.Outcome.WARNING, detail, file, recipients);
        }
        catch (IOException | MessagingException | RuntimeException e) {
            return warning(log, reason + "; it could not be kept in the outbox " + settings.outbox() + " either ("
                    + e.getMessage() + ")", recipients);
        }
    }

    private NotifyResult toOutbox(final Path outbox, final MimeMessage message, final Notification notification,
            final List<String> recipients, final RunLog log) {
        try {
            Path file = Outbox.write(outbox, message, notification.state().chainId(), clock.instant());
            String detail = outboxReason + ", so the mail to "
                    + String.join(", ", recipients) + " was written to " + file;
            log.info("notify: %s", detail);
            return new NotifyResult(NotifyResult.Outcome.WRITTEN_TO_OUTBOX, detail, file, recipients);
        }
        catch (IOException | MessagingException e) {
            return warning(log, "cannot write the mail to the outbox " + outbox + " (" + e.getMessage()
                    + "); check that the folder is writable", recipients);
        }
    }

    /** The configured recipients plus the commit author when wanted; an author address that is not one is skipped. */
    private static List<String> recipients(final MailSettings settings, final Notification notification,
            final RunLog log) {
        List<String> recipients = new ArrayList<>(settings.to());
        if (settings.includeCommitAuthor() && notification.authorEmail() != null) {
            try {
                recipients.add(Addresses.requireAddress(notification.authorEmail(), "The commit author's address"));
            }
            catch (MlopsException e) {
                // The author comes from the repository, not the settings: a bad one must not stop the mail.
                log.info("notify: not mailing the commit author: %s", e.getMessage());
            }
        }
        return Addresses.distinct(recipients);
    }

    private static byte[] chart(final Notification notification, final RunLog log) {
        try {
            return TrialChart.render(notification.state()).orElse(null);
        }
        catch (RuntimeException | AWTError | LinkageError e) {
            // A machine without working java.awt (fonts, native libraries) still gets the mail, without the chart.
            log.info("notify: the mail has no chart: %s", e);
            return null;
        }
    }

    private static NotifyResult warning(final RunLog log, final String reason, final List<String> recipients) {
        log.error("notify: WARNING %s", reason);
        return new NotifyResult(NotifyResult.Outcome.WARNING, reason, null, recipients);
    }
}
