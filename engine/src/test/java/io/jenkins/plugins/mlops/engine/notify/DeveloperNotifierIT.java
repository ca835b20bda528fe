package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.testing.SmtpFixture;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** NotifyDeveloper against a real SMTP server on loopback (GreenMail). */
class DeveloperNotifierIT {
    @RegisterExtension
    static final GreenMailExtension SMTP = SmtpFixture.smtpServer();

    @TempDir
    private Path outbox;

    private final RunLog log = new RunLog();
    private final List<Duration> pauses = new ArrayList<>();
    private final DeveloperNotifier notifier = new DeveloperNotifier(
            List.of(Duration.ofMillis(100), Duration.ofMillis(200)), pauses::add, Clock.systemUTC());

    private MailSettings settings(final int port, final MailSettings.Security security) {
        return new MailSettings("127.0.0.1", port, security, null, null, SmtpFixture.FROM,
                List.of("dev@example.com", "lead@example.com"), true, null, outbox, Duration.ofSeconds(5),
                Duration.ofSeconds(5), null);
    }

    /** The mail reaches every recipient and the commit author, with subject, text, HTML and the inline chart. */
    @Test
    void shouldDeliverTheFullMail() throws Exception {
        NotifyResult result = notifier.notify(settings(SMTP.getSmtp().getPort(), MailSettings.Security.NONE),
                new Notification(ChainStateFixtures.fullState(), "author@example.com", "https://ci.example.com/7/"),
                log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.SENT);
        assertThat(result.recipients()).containsExactly("dev@example.com", "lead@example.com", "author@example.com");
        assertThat(result.detail()).contains("dev@example.com", "127.0.0.1");
        MimeMessage[] mails = SmtpFixture.awaitMails(SMTP, 3);
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo("[mlops] PASSED: accuracy 0.93 (target 0.9)");
        assertThat(mail.getFrom()).extracting(Object::toString).containsExactly(SmtpFixture.FROM);
        assertThat(mail.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("dev@example.com", "lead@example.com", "author@example.com");
        assertThat(SMTP.getReceivedMessagesForDomain("example.com")).hasSize(3);
        assertThat(mail.isMimeType("multipart/alternative")).isTrue();
        assertThat(SmtpFixture.textOf(mail, "text/plain")).get().asString()
                .contains("PASSED", "best accuracy 0.93 (trial 2)", "hidden_layer_sizes", "model-2-0.93",
                        "https://ci.example.com/7/");
        assertThat(SmtpFixture.textOf(mail, "text/html")).get().asString()
                .contains("<table", "cid:trial-chart@mlops", "<a href=\"https://ci.example.com/7/\">");
        byte[] png = SmtpFixture.bytesOf(SmtpFixture.partWithContentId(mail, "trial-chart@mlops").orElseThrow());
        BufferedImage chart = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(chart.getWidth()).isEqualTo(TrialChart.WIDTH);
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("mail sent to"));
    }

    /**
     * Rendered in one place (a Jenkins agent, without the SMTP login: the mail goes to the outbox) and sent from
     * another (the controller): the same mail arrives, and the outbox line names who sends it.
     */
    @Test
    void shouldSendAMailRenderedElsewhere() throws Exception {
        MailSettings agent = new MailSettings(null, 0, null, null, null, SmtpFixture.FROM,
                List.of("dev@example.com"), true, null, outbox, null, null, null);
        NotifyResult rendered = notifier.withOutboxReason("the Jenkins controller sends the mail").notify(agent,
                new Notification(ChainStateFixtures.fullState(), "author@example.com", null), log);

        NotifyResult sent = notifier.deliver(settings(SMTP.getSmtp().getPort(), MailSettings.Security.NONE),
                java.nio.file.Files.readAllBytes(rendered.emlFile()), log);

        assertThat(rendered.detail()).startsWith("the Jenkins controller sends the mail, so the mail to");
        assertThat(sent.outcome()).isEqualTo(NotifyResult.Outcome.SENT);
        assertThat(sent.recipients()).containsExactly("dev@example.com", "author@example.com");
        MimeMessage[] mails = SmtpFixture.awaitMails(SMTP, 2);
        assertThat(mails[0].getSubject()).isEqualTo("[mlops] PASSED: accuracy 0.93 (target 0.9)");
        assertThat(mails[0].getFrom()).extracting(Object::toString).containsExactly(SmtpFixture.FROM);
    }

    /** A server that is down gives a warning after three tries with the configured pauses, and no exception. */
    @Test
    void shouldWarnWhenTheServerIsDown() {
        int closed = SmtpFixture.closedPort();

        NotifyResult result = notifier.notify(settings(closed, MailSettings.Security.NONE),
                Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains("after 3 tries", "cannot reach the SMTP server 127.0.0.1:" + closed,
                "MLOPS_SMTP_HOST");
        assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(log.getInfoMessages()).filteredOn(line -> line.contains("trying again")).hasSize(2);
        assertThat(log.getErrorMessages()).singleElement().asString().contains("WARNING");
    }

    /** A server that comes back during the pause is reached on the next try: the mail goes out once. */
    @Test
    void shouldReachAServerThatComesBack() {
        int port = SmtpFixture.closedPort();
        GreenMail late = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        AtomicInteger pausesTaken = new AtomicInteger();
        DeveloperNotifier retrying = new DeveloperNotifier(List.of(Duration.ofMillis(10), Duration.ofMillis(10)),
                pause -> {
                    if (pausesTaken.getAndIncrement() == 0) {
                        late.start();
                    }
                }, Clock.systemUTC());
        try {
            NotifyResult result = retrying.notify(settings(port, MailSettings.Security.NONE),
                    Notification.of(ChainStateFixtures.fullState()), log);

            assertThat(result.outcome()).as(result.detail()).isEqualTo(NotifyResult.Outcome.SENT);
            assertThat(pausesTaken).hasValue(1);
            assertThat(late.waitForIncomingEmail(5000, 2)).isTrue();
            assertThat(late.getReceivedMessages()).hasSize(2);
            assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("try 1 of 3 failed"));
        }
        finally {
            late.stop();
        }
    }

    /** STARTTLS required against a server that does not offer it: nothing goes out in clear text, no retries. */
    @Test
    void shouldNotFallBackToPlainTextWhenStarttlsIsMissing() {
        NotifyResult result = notifier.notify(settings(SMTP.getSmtp().getPort(), MailSettings.Security.STARTTLS),
                Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains("STARTTLS");
        assertThat(pauses).isEmpty();
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    /** Header injection is refused: in settings before sending, and from a commit author, who is left out. */
    @Test
    void shouldRefuseHeaderInjection() throws Exception {
        MailSettings settings = settings(SMTP.getSmtp().getPort(), MailSettings.Security.NONE);
        assertThatThrownBy(() -> settings.withRecipients(List.of("dev@example.com\r\nBcc: victim@example.org")))
                .isInstanceOf(MlopsException.class).hasMessageContaining("header injection");
        assertThatThrownBy(() -> settings.withSubjectTemplate("{verdict}\r\nBcc: victim@example.org"))
                .isInstanceOf(MlopsException.class).hasMessageContaining("header injection");

        NotifyResult result = notifier.notify(settings, new Notification(ChainStateFixtures.fullState(),
                "author@example.com\r\nBcc: victim@example.org", null), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.SENT);
        SmtpFixture.awaitMails(SMTP, 2);
        assertThat(SMTP.getReceivedMessagesForDomain("example.org")).isEmpty();
        assertThat(SMTP.getReceivedMessages()[0].getHeader("Bcc")).isNull();
    }
}
