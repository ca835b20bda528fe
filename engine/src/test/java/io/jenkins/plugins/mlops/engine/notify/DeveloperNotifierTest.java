package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.testing.SmtpFixture;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeveloperNotifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T10:05:00Z"), ZoneOffset.UTC);

    @TempDir
    private Path outbox;

    private final RunLog log = new RunLog();
    private final DeveloperNotifier notifier = new DeveloperNotifier(List.of(Duration.ZERO), d -> { }, CLOCK);

    private MailSettings outboxSettings(final String... to) {
        return new MailSettings(null, 0, null, null, null, "mlops@example.com", List.of(to), true, null, outbox,
                null, null, null);
    }

    private static MimeMessage read(final Path eml) throws Exception {
        try (InputStream in = Files.newInputStream(eml)) {
            return new MimeMessage(Session.getInstance(new Properties()), in);
        }
    }

    /** Without an SMTP host the mail is an .eml file in the outbox, and the log says where. */
    @Test
    void shouldWriteToTheOutboxWithoutHost() throws Exception {
        NotifyResult result = notifier.notify(outboxSettings("dev@example.com"),
                Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WRITTEN_TO_OUTBOX);
        assertThat(result.emlFile()).exists().hasParent(outbox).hasFileName("mlops-20261126T100500Z-run-1.eml");
        assertThat(result.recipients()).containsExactly("dev@example.com");
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains(result.emlFile().toString()));
        assertThat(outbox).isDirectoryNotContaining("glob:**.tmp");

        MimeMessage mail = read(result.emlFile());
        assertThat(mail.getSubject()).isEqualTo("[mlops] PASSED: accuracy 0.93 (target 0.9)");
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("dev@example.com");
        assertThat(mail.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(SmtpFixture.textOf(mail, "text/plain")).get().asString().contains("PASSED");
        assertThat(SmtpFixture.textOf(mail, "text/html")).get().asString().contains("cid:trial-chart@mlops");
        assertThat(SmtpFixture.partWithContentId(mail, "trial-chart@mlops")).get()
                .satisfies(part -> assertThat(part.isMimeType("image/png")).isTrue())
                .satisfies(part -> assertThat(SmtpFixture.bytesOf(part)).startsWith(0x89, 'P', 'N', 'G'));
    }

    /** Two mails in the same second do not overwrite each other. */
    @Test
    void shouldNotOverwriteAnEarlierMail() {
        Path first = notifier.notify(outboxSettings("dev@example.com"),
                Notification.of(ChainStateFixtures.fullState()), log).emlFile();
        Path second = notifier.notify(outboxSettings("dev@example.com"),
                Notification.of(ChainStateFixtures.fullState()), log).emlFile();

        assertThat(second).isNotEqualTo(first).exists();
        assertThat(first).exists();
    }

    /** The commit author gets the mail too, once, unless switched off. */
    @Test
    void shouldAddTheCommitAuthor() {
        Notification notification = new Notification(ChainStateFixtures.fullState(), "Author@Example.com", null);

        assertThat(notifier.notify(outboxSettings("dev@example.com"), notification, log).recipients())
                .containsExactly("dev@example.com", "Author@Example.com");
        assertThat(notifier.notify(outboxSettings("author@example.com"), notification, log).recipients())
                .containsExactly("author@example.com");
        assertThat(notifier.notify(outboxSettings("dev@example.com").withIncludeCommitAuthor(false), notification,
                log).recipients()).containsExactly("dev@example.com");
    }

    /** An author address with a line break (from a hostile commit) is left out; the mail still goes. */
    @Test
    void shouldLeaveOutAnAuthorWithALineBreak() throws Exception {
        Notification notification = new Notification(ChainStateFixtures.fullState(),
                "a@example.com\r\nBcc: victim@example.com", null);

        NotifyResult result = notifier.notify(outboxSettings("dev@example.com"), notification, log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WRITTEN_TO_OUTBOX);
        assertThat(result.recipients()).containsExactly("dev@example.com");
        assertThat(read(result.emlFile()).getAllRecipients()).extracting(Object::toString)
                .containsExactly("dev@example.com");
        assertThat(Files.readString(result.emlFile())).doesNotContain("victim");
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("header injection"));
    }

    /**
     * Issue 13.10: an SMTP server that refuses the connection, or accepts it and never answers, ends the step
     * within the bounded waits, and the mail is kept in the outbox with the warning saying where. Before the fix the
     * mail was lost (and the reply wait was 30 s per try).
     */
    @Test
    void shouldKeepAnUndeliveredMailInTheOutbox() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertKeptInOutbox(smtpSettings(closed, null), "cannot reach the SMTP server");

        try (ServerSocket blackhole = new ServerSocket(0)) {
            assertKeptInOutbox(smtpSettings(blackhole.getLocalPort(), Duration.ofMillis(500)), "mail not sent");
        }
    }

    /** Connect and reply waits are 10 s unless shorter: a setting of minutes cannot hold a build. */
    @Test
    void shouldBoundTheSmtpWaits() {
        MailSettings defaults = smtpSettings(25, null);
        MailSettings generous = new MailSettings("127.0.0.1", 25, null, null, null, null, List.of("dev@example.com"),
                false, null, outbox, Duration.ofMinutes(5), Duration.ofMinutes(5), null);

        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(generous.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(generous.readTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    private MailSettings smtpSettings(final int port, final Duration readTimeout) {
        return new MailSettings("127.0.0.1", port, null, null, null, null, List.of("dev@example.com"), false, null,
                outbox, readTimeout, readTimeout, null);
    }

    private void assertKeptInOutbox(final MailSettings settings, final String reason) throws Exception {
        NotifyResult result = notifier.notify(settings, Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains(reason, "kept in " + result.emlFile());
        assertThat(result.emlFile()).exists().hasParent(outbox);
        assertThat(read(result.emlFile()).getAllRecipients()).extracting(Object::toString)
                .containsExactly("dev@example.com");
        Files.delete(result.emlFile());
    }

    /** Nobody to mail is a warning, not an exception. */
    @Test
    void shouldWarnWithoutRecipients() {
        NotifyResult result = notifier.notify(outboxSettings(), Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains("no recipients", "MLOPS_MAIL_TO");
        assertThat(log.getErrorMessages()).anySatisfy(line -> assertThat(line).contains("WARNING"));
    }

    /** An outbox that cannot be created is a warning naming the folder. */
    @Test
    void shouldWarnWhenTheOutboxIsNotWritable() throws IOException {
        Path file = Files.writeString(outbox.resolve("not-a-folder"), "x");
        MailSettings settings = new MailSettings(null, 0, null, null, null, null, List.of("dev@example.com"), false,
                null, file.resolve("outbox"), null, null, null);

        NotifyResult result = notifier.notify(settings, Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains("cannot write the mail to the outbox", file.toString());
    }
}
