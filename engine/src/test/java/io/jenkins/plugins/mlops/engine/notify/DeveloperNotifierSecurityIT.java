package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.testing.SmtpFixture;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** SMTPS and SMTP login against GreenMail's SMTPS server, which knows one user. */
class DeveloperNotifierSecurityIT {
    private static final String PASSWORD = "s3cret-Pa55";

    @RegisterExtension
    static final GreenMailExtension SMTPS = SmtpFixture.smtpsServer()
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("bot@example.com", "bot", PASSWORD));

    @TempDir
    private Path outbox;

    private final RunLog log = new RunLog();
    private final List<Duration> pauses = new ArrayList<>();
    private final DeveloperNotifier notifier = new DeveloperNotifier(List.of(Duration.ofMillis(10),
            Duration.ofMillis(10)), pauses::add, Clock.systemUTC());

    private MailSettings settings(final String user, final String password, final List<String> trusted) {
        return new MailSettings("127.0.0.1", SMTPS.getSmtps().getPort(), MailSettings.Security.SSL, user, password,
                "bot@example.com", List.of("dev@example.com"), false, null, outbox, Duration.ofSeconds(5),
                Duration.ofSeconds(5), trusted);
    }

    /** Over SSL with the server's certificate trusted and the right password, the mail arrives. */
    @Test
    void shouldSendOverSslWithLogin() throws Exception {
        NotifyResult result = notifier.notify(settings("bot", PASSWORD, List.of("127.0.0.1")),
                Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).as(result.detail()).isEqualTo(NotifyResult.Outcome.SENT);
        assertThat(result.detail()).contains("SSL");
        assertThat(SmtpFixture.awaitMails(SMTPS, 1)[0].getSubject()).startsWith("[mlops] PASSED");
    }

    /** A wrong password is refused at once (no retries), named, and never shown. */
    @Test
    void shouldWarnWhenTheLoginIsRefused() {
        NotifyResult result = notifier.notify(settings("bot", "wrong-" + PASSWORD, List.of("*")),
                Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains("refused the login of 'bot'", "MLOPS_SMTP_PASSWORD")
                .doesNotContain(PASSWORD);
        assertThat(log.getErrorMessages()).noneSatisfy(line -> assertThat(line).contains(PASSWORD));
        assertThat(pauses).isEmpty();
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }

    /** A self-signed certificate is not trusted unless the host is listed: a TLS warning, no retries. */
    @Test
    void shouldRefuseAnUntrustedCertificate() {
        NotifyResult result = notifier.notify(settings("bot", PASSWORD, List.of()),
                Notification.of(ChainStateFixtures.fullState()), log);

        assertThat(result.outcome()).isEqualTo(NotifyResult.Outcome.WARNING);
        assertThat(result.detail()).contains("TLS", "MLOPS_SMTP_SSL_TRUST");
        assertThat(pauses).isEmpty();
        assertThat(SMTPS.getReceivedMessages()).isEmpty();
    }
}
