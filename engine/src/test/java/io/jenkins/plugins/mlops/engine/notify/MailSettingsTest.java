package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailSettingsTest {
    private static final Path OUTBOX = Path.of("/tmp/outbox");

    private static Map<String, String> env(final String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private static MailSettings settings(final Map<String, String> env) {
        return MailSettings.fromEnvironment(env, OUTBOX).orElseThrow();
    }

    /** Without host and recipients, mail is not configured. */
    @Test
    void shouldBeEmptyWhenNothingIsSet() {
        assertThat(MailSettings.fromEnvironment(env("MLOPS_SMTP_PORT", "25", "MLOPS_SMTP_HOST", " "), OUTBOX))
                .isEmpty();
    }

    /** Every variable lands in its field; recipients are split on commas and trimmed. */
    @Test
    void shouldReadEveryVariable() {
        MailSettings settings = settings(env("MLOPS_SMTP_HOST", "smtp.example.com", "MLOPS_SMTP_PORT", "2587",
                "MLOPS_SMTP_SECURITY", "STARTTLS", "MLOPS_SMTP_USER", "bot", "MLOPS_SMTP_PASSWORD", "s3cret",
                "MLOPS_MAIL_FROM", "bot@example.com", "MLOPS_MAIL_TO", " a@example.com, ,b@example.com ",
                "MLOPS_SMTP_SSL_TRUST", "smtp.example.com relay.local"));

        assertThat(settings.host()).isEqualTo("smtp.example.com");
        assertThat(settings.port()).isEqualTo(2587);
        assertThat(settings.security()).isEqualTo(MailSettings.Security.STARTTLS);
        assertThat(settings.user()).isEqualTo("bot");
        assertThat(settings.password()).isEqualTo("s3cret");
        assertThat(settings.from()).isEqualTo("bot@example.com");
        assertThat(settings.to()).containsExactly("a@example.com", "b@example.com");
        assertThat(settings.trustedHosts()).containsExactly("smtp.example.com", "relay.local");
        assertThat(settings.outbox()).isEqualTo(OUTBOX);
        assertThat(settings.smtpConfigured()).isTrue();
        assertThat(settings.includeCommitAuthor()).isTrue();
        assertThat(settings.subjectTemplate()).isEqualTo(MailSettings.DEFAULT_SUBJECT);
    }

    /** The port defaults to the usual one of the security mode. */
    @Test
    void shouldDefaultThePortBySecurity() {
        assertThat(settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_SECURITY", "ssl")).port()).isEqualTo(465);
        assertThat(settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_SECURITY", "starttls")).port()).isEqualTo(587);
        assertThat(settings(env("MLOPS_SMTP_HOST", "h")).port()).isEqualTo(25);
    }

    /** Recipients without a host mean: write the mail to the outbox (which MLOPS_MAIL_OUTBOX may move). */
    @Test
    void shouldUseTheOutboxWithoutHost() {
        MailSettings settings = settings(env("MLOPS_MAIL_TO", "a@example.com", "MLOPS_MAIL_OUTBOX", "/tmp/other"));

        assertThat(settings.smtpConfigured()).isFalse();
        assertThat(settings.outbox()).isEqualTo(Path.of("/tmp/other"));
        assertThat(settings.destination()).contains("outbox");
    }

    /** A port that is no number names the variable and the fix. */
    @Test
    void shouldRejectABadPort() {
        assertThatThrownBy(() -> settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_PORT", "smtp")))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("MLOPS_SMTP_PORT is 'smtp'")
                .hasMessageContaining("587");
        assertThatThrownBy(() -> settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_PORT", "70000")))
                .hasMessageContaining("MLOPS_SMTP_PORT");
    }

    /** An unknown security mode names the variable and the allowed values. */
    @Test
    void shouldRejectAnUnknownSecurity() {
        assertThatThrownBy(() -> settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_SECURITY", "tls")))
                .isInstanceOf(MlopsException.class)
                .satisfies(e -> assertThat(((MlopsException) e).kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("MLOPS_SMTP_SECURITY is 'tls'")
                .hasMessageContaining("none, starttls")
                .hasMessageContaining("ssl");
    }

    /** A recipient that is no address names the variable. */
    @Test
    void shouldRejectABadRecipient() {
        assertThatThrownBy(() -> settings(env("MLOPS_MAIL_TO", "a@example.com, not an address")))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("MLOPS_MAIL_TO 'not an address' is not an e-mail address");
    }

    /** A line break in a recipient or sender would inject headers: refused. */
    @Test
    void shouldRejectHeaderInjectionInAddresses() {
        assertThatThrownBy(() -> settings(env("MLOPS_MAIL_TO", "a@example.com\r\nBcc: victim@example.com")))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("MLOPS_MAIL_TO contains a line break")
                .hasMessageContaining("header injection");
        assertThatThrownBy(() -> settings(env("MLOPS_MAIL_TO", "a@example.com",
                "MLOPS_MAIL_FROM", "x@example.com\nBcc: v@example.com")))
                .hasMessageContaining("header injection");
        assertThatThrownBy(() -> settings(env("MLOPS_MAIL_TO", "a@example.com")).withFrom("a@b.c\rX-Evil: 1"))
                .hasMessageContaining("header injection");
        assertThatThrownBy(() -> settings(env("MLOPS_MAIL_TO", "a@example.com"))
                .withRecipients(List.of("b@example.com\nBcc: v@example.com")))
                .hasMessageContaining("header injection");
    }

    /** A line break or an unknown placeholder in the subject template is refused when the settings are made. */
    @Test
    void shouldRejectABadSubjectTemplate() {
        MailSettings settings = settings(env("MLOPS_MAIL_TO", "a@example.com"));

        assertThatThrownBy(() -> settings.withSubjectTemplate("done\r\nBcc: victim@example.com"))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("header injection");
        assertThatThrownBy(() -> settings.withSubjectTemplate("{verdict} {accuracy}"))
                .hasMessageContaining("unknown placeholder {accuracy}")
                .hasMessageContaining("{verdict}, {metric}, {target}, {best}");
    }

    /** A user needs a password and the other way round. */
    @Test
    void shouldRequireUserAndPasswordTogether() {
        assertThatThrownBy(() -> settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_USER", "bot")))
                .hasMessageContaining("MLOPS_SMTP_PASSWORD");
        assertThatThrownBy(() -> settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_PASSWORD", "pw")))
                .hasMessageContaining("MLOPS_SMTP_USER");
    }

    /** The password never shows in toString (logs, debug output). */
    @Test
    void shouldHideThePassword() {
        MailSettings settings = settings(env("MLOPS_SMTP_HOST", "h", "MLOPS_SMTP_USER", "bot",
                "MLOPS_SMTP_PASSWORD", "hunter2-secret"));

        assertThat(settings.toString()).doesNotContain("hunter2-secret").contains("password=****");
    }

    /** Recipients that differ only in case are mailed once. */
    @Test
    void shouldDropRepeatedRecipients() {
        assertThat(settings(env("MLOPS_MAIL_TO", "a@example.com,A@Example.com,b@example.com")).to())
                .containsExactly("a@example.com", "b@example.com");
    }
}
