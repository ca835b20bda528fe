package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

class SmtpDeliveryTest {
    private static final String PASSWORD = "pa55-word";
    private final SmtpDelivery smtp = new SmtpDelivery(new MailSettings("smtp.example.com", 587,
            MailSettings.Security.STARTTLS, "bot", PASSWORD, null, List.of("dev@example.com"), true, null,
            Path.of("outbox"), null, null, null));

    private static MessagingException wrapping(final Exception cause) {
        return new MessagingException("Could not connect to SMTP host", cause);
    }

    private static SMTPSendFailedException reply(final int code) {
        return new SMTPSendFailedException("DATA", code, code + " 4.3.0 mailbox busy", null, new Address[0],
                new Address[0], new Address[0]);
    }

    /** A server that cannot be reached or drops the line may be back soon: worth another try. */
    @Test
    void shouldRetryUnreachableServers() {
        assertThat(smtp.classify(wrapping(new ConnectException("Connection refused"))))
                .satisfies(f -> assertThat(f.transientFailure()).isTrue())
                .satisfies(f -> assertThat(f.reason()).contains("cannot reach the SMTP server smtp.example.com:587",
                        "Connection refused"));
        assertThat(smtp.classify(wrapping(new SocketTimeoutException("Read timed out"))).transientFailure()).isTrue();
    }

    /** 4xx replies are temporary by definition; 5xx are not. */
    @Test
    void shouldRetryOnlyTemporaryReplies() {
        assertThat(smtp.classify(reply(451)).transientFailure()).isTrue();
        assertThat(smtp.classify(reply(554))).satisfies(f -> assertThat(f.transientFailure()).isFalse())
                .satisfies(f -> assertThat(f.reason()).contains("refused the mail", "recipient addresses"));
    }

    /** A refused recipient reported inside a SendFailedException is found and judged by its code. */
    @Test
    void shouldFindRecipientReplies() throws Exception {
        SendFailedException failed = new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(new InternetAddress("x@example.com"), "RCPT TO", 550,
                        "550 5.1.1 no such user"));

        assertThat(smtp.classify(failed)).satisfies(f -> assertThat(f.transientFailure()).isFalse())
                .satisfies(f -> assertThat(f.reason()).contains("550"));
    }

    /** A refused login is not retried, names the variables, and never shows the password. */
    @Test
    void shouldNotRetryARefusedLogin() {
        SmtpDelivery.Failure failure = smtp.classify(new AuthenticationFailedException(
                "535 5.7.8 bad credentials for bot/" + PASSWORD));

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).contains("refused the login of 'bot'", "MLOPS_SMTP_PASSWORD")
                .doesNotContain(PASSWORD);
    }

    /** TLS problems and unknown hosts are configuration, not bad luck. */
    @Test
    void shouldNotRetryConfigurationProblems() {
        assertThat(smtp.classify(wrapping(new SSLHandshakeException("PKIX path building failed"))))
                .satisfies(f -> assertThat(f.transientFailure()).isFalse())
                .satisfies(f -> assertThat(f.reason()).contains("TLS", "MLOPS_SMTP_SECURITY"));
        assertThat(smtp.classify(wrapping(new UnknownHostException("smtp.example.com"))))
                .satisfies(f -> assertThat(f.transientFailure()).isFalse())
                .satisfies(f -> assertThat(f.reason()).contains("unknown", "MLOPS_SMTP_HOST"));
        assertThat(smtp.classify(new MessagingException("STARTTLS is required but host does not support STARTTLS")))
                .satisfies(f -> assertThat(f.transientFailure()).isFalse())
                .satisfies(f -> assertThat(f.reason()).contains("does not offer STARTTLS"));
    }
}
