package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the developer notification is delivered. Without an SMTP host the mail is written as an {@code .eml} file to
 * the outbox folder instead. Every value that reaches a mail header is checked when the settings are made, so a bad
 * setting fails before training starts, not after. The password never appears in {@link #toString()}.
 *
 * @param host                the SMTP server, or {@code null} to write mails to the outbox
 * @param port                the SMTP port; 0 picks the usual one for {@code security} (25, 587, 465)
 * @param security            plain, STARTTLS (required, never downgraded) or SSL from the first byte
 * @param user                the SMTP login, or {@code null} for no authentication
 * @param password            the SMTP password (from the environment or credentials only), or {@code null}
 * @param from                the sender; {@code null} means {@value #DEFAULT_FROM}
 * @param to                  the recipients
 * @param includeCommitAuthor whether the author of the trained commit gets the mail too
 * @param subjectTemplate     the subject with placeholders; {@code null} means {@value #DEFAULT_SUBJECT}
 * @param outbox              where mails go as {@code .eml} files when there is no SMTP host
 * @param connectTimeout      how long to wait for the connection; {@code null} means, and more is cut to, 10 s
 * @param readTimeout         how long to wait for each server reply; {@code null} means, and more is cut to, 10 s
 * @param trustedHosts        hosts whose TLS certificates are trusted without checking (self-signed relays, tests);
 *                            {@code *} trusts all; empty means certificates and host names are checked
 */
public record MailSettings(String host, int port, Security security, String user, String password, String from,
        List<String> to, boolean includeCommitAuthor, String subjectTemplate, Path outbox, Duration connectTimeout,
        Duration readTimeout, List<String> trustedHosts) {

    /** The subject when none is configured (the same default as {@code notify.subject} in mlops.yml). */
    public static final String DEFAULT_SUBJECT = "[mlops] {verdict}: {metric} {best} (target {target})";
    /** The sender when none is configured. */
    public static final String DEFAULT_FROM = "mlops@localhost";
    /** The longest wait for a connection or a reply of the SMTP server. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    /** How the connection to the SMTP server is secured. */
    public enum Security {
        /** Plain SMTP (port 25); for relays on the same host or network only. */
        NONE(25),
        /** Plain connect, then STARTTLS, which must succeed before anything else is sent (port 587). */
        STARTTLS(587),
        /** TLS from the first byte, SMTPS (port 465). */
        SSL(465);

        private final int defaultPort;

        Security(final int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The port this security usually runs on. */
        public int defaultPort() {
            return defaultPort;
        }
    }

    public MailSettings {
        host = host == null || host.isBlank() ? null : Addresses.requireSingleLine(host.trim(), "The SMTP host");
        security = security == null ? Security.NONE : security;
        port = port == 0 ? security.defaultPort() : port;
        if (port < 1 || port > 65_535) {
            throw MlopsException.input("The SMTP port " + port + " is not a port number; use 1-65535, e.g. 587 for "
                    + "STARTTLS or 465 for SSL.");
        }
        user = user == null || user.isEmpty() ? null : Addresses.requireSingleLine(user, "The SMTP user");
        password = password == null || password.isEmpty() ? null : password;
        if (user != null && password == null) {
            throw MlopsException.input("An SMTP user is set but no password; set MLOPS_SMTP_PASSWORD (or the "
                    + "credentials in Jenkins), or unset MLOPS_SMTP_USER for a server without login.");
        }
        if (user == null && password != null) {
            throw MlopsException.input("An SMTP password is set but no user; set MLOPS_SMTP_USER too.");
        }
        from = Addresses.requireAddress(from == null || from.isBlank() ? DEFAULT_FROM : from, "The mail sender");
        to = Addresses.distinct(Objects.requireNonNullElse(to, List.<String>of()).stream()
                .map(address -> Addresses.requireAddress(address, "The mail recipient")).toList());
        subjectTemplate = SubjectTemplate.validate(subjectTemplate == null || subjectTemplate.isBlank()
                ? DEFAULT_SUBJECT : subjectTemplate);
        Objects.requireNonNull(outbox, "outbox");
        // An unreachable or silent server must not hold a build for minutes: each wait is at most 10 s.
        connectTimeout = min(positiveOr(connectTimeout, MAX_WAIT), MAX_WAIT);
        readTimeout = min(positiveOr(readTimeout, MAX_WAIT), MAX_WAIT);
        trustedHosts = List.copyOf(Objects.requireNonNullElse(trustedHosts, List.of()));
        trustedHosts.forEach(trusted -> Addresses.requireSingleLine(trusted, "A trusted SMTP host"));
    }

    /**
     * Settings that only deliver mails rendered elsewhere: an SMTP server and its login, the default sender, timeouts
     * and certificate checks, no recipients or subject of their own.
     *
     * @param outbox where a mail goes when {@code host} is {@code null}
     */
    public static MailSettings server(final String host, final int port, final Security security, final String user,
            final String password, final Path outbox) {
        return new MailSettings(host, port, security, user, password, null, List.of(), false, null, outbox, null,
                null, null);
    }

    /**
     * The settings the environment gives ({@code MLOPS_SMTP_HOST}, {@code MLOPS_SMTP_PORT},
     * {@code MLOPS_SMTP_SECURITY}, {@code MLOPS_SMTP_USER}, {@code MLOPS_SMTP_PASSWORD}, {@code MLOPS_MAIL_FROM},
     * {@code MLOPS_MAIL_TO}, and the optional {@code MLOPS_SMTP_SSL_TRUST}, {@code MLOPS_MAIL_OUTBOX}), or empty
     * when neither an SMTP host nor recipients are set, i.e. mail is not configured.
     *
     * @param env           the environment, e.g. {@code System.getenv()}
     * @param defaultOutbox the outbox folder unless {@code MLOPS_MAIL_OUTBOX} names another
     * @return the settings, or empty
     * @throws MlopsException (input) naming the variable and the fix when a value is bad
     */
    public static Optional<MailSettings> fromEnvironment(final Map<String, String> env, final Path defaultOutbox) {
        return MailEnvironment.read(env, defaultOutbox);
    }

    /**
     * The settings of a chain: the environment as the base (server, login, and default sender and recipients), where
     * the repository's and the command line's choices replace the environment's (the caller passes the merged
     * {@code notify.*} values of mlops.yml and options). Empty when nobody is to be mailed.
     *
     * @param env                 the environment, e.g. {@code System.getenv()}
     * @param defaultOutbox       the outbox folder unless {@code MLOPS_MAIL_OUTBOX} names another
     * @param to                  recipients replacing {@code MLOPS_MAIL_TO}; empty keeps the environment's
     * @param from                sender replacing {@code MLOPS_MAIL_FROM}, or {@code null}
     * @param subjectTemplate     the subject template, or {@code null} for {@value #DEFAULT_SUBJECT}
     * @param includeCommitAuthor whether the trained commit's author gets the mail too
     * @return the settings, or empty when mail is not configured
     * @throws MlopsException (input) naming the variable or value and the fix when one is bad
     */
    public static Optional<MailSettings> resolve(final Map<String, String> env, final Path defaultOutbox,
            final List<String> to, final String from, final String subjectTemplate,
            final boolean includeCommitAuthor) {
        List<String> recipients = Objects.requireNonNullElse(to, List.of());
        Optional<MailSettings> base = fromEnvironment(env, defaultOutbox);
        if (base.isEmpty() && recipients.isEmpty()) {
            return Optional.empty();
        }
        MailSettings settings = base.orElseGet(() -> server(null, 0, null, null, null, defaultOutbox));
        return Optional.of(new MailSettings(settings.host, settings.port, settings.security, settings.user,
                settings.password, from == null || from.isBlank() ? settings.from : from,
                recipients.isEmpty() ? settings.to : recipients, includeCommitAuthor, subjectTemplate,
                settings.outbox, settings.connectTimeout, settings.readTimeout, settings.trustedHosts));
    }

    /** Whether mails go to an SMTP server (rather than the outbox). */
    public boolean smtpConfigured() {
        return host != null;
    }

    /** These settings with other recipients. */
    public MailSettings withRecipients(final List<String> recipients) {
        return new MailSettings(host, port, security, user, password, from, recipients, includeCommitAuthor,
                subjectTemplate, outbox, connectTimeout, readTimeout, trustedHosts);
    }

    /** These settings with another sender. */
    public MailSettings withFrom(final String sender) {
        return new MailSettings(host, port, security, user, password, sender, to, includeCommitAuthor,
                subjectTemplate, outbox, connectTimeout, readTimeout, trustedHosts);
    }

    /** These settings with another subject template. */
    public MailSettings withSubjectTemplate(final String template) {
        return new MailSettings(host, port, security, user, password, from, to, includeCommitAuthor, template,
                outbox, connectTimeout, readTimeout, trustedHosts);
    }

    /** These settings with the commit author included or not. */
    public MailSettings withIncludeCommitAuthor(final boolean include) {
        return new MailSettings(host, port, security, user, password, from, to, include, subjectTemplate, outbox,
                connectTimeout, readTimeout, trustedHosts);
    }

    /** These settings with other timeouts. */
    public MailSettings withTimeouts(final Duration connect, final Duration read) {
        return new MailSettings(host, port, security, user, password, from, to, includeCommitAuthor,
                subjectTemplate, outbox, connect, read, trustedHosts);
    }

    /** These settings trusting the TLS certificates of {@code hosts} without checking. */
    public MailSettings withTrustedHosts(final List<String> hosts) {
        return new MailSettings(host, port, security, user, password, from, to, includeCommitAuthor,
                subjectTemplate, outbox, connectTimeout, readTimeout, hosts);
    }

    /** Where mails go, for logs: {@code smtp.example.com:587 (STARTTLS)} or the outbox folder. */
    public String destination() {
        return smtpConfigured() ? host + ":" + port + " (" + security + ")" : "outbox " + outbox;
    }

    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user
                + ", password=" + (password == null ? "none" : "****") + ", from=" + from + ", to=" + to
                + ", includeCommitAuthor=" + includeCommitAuthor + ", subjectTemplate=" + subjectTemplate
                + ", outbox=" + outbox + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", trustedHosts=" + trustedHosts + "]";
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration positiveOr(final Duration value, final Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
