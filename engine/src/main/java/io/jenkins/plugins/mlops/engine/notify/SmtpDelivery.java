package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.util.Secrets;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.UnknownHostException;
import java.util.Properties;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/** Sends one message to the configured SMTP server, and says which failures are worth another try. */
final class SmtpDelivery {
    private final MailSettings settings;
    private final MailSettingNames names;
    private final Session session;

    SmtpDelivery(final MailSettings settings) {
        this(settings, MailSettingNames.ENVIRONMENT);
    }

    SmtpDelivery(final MailSettings settings, final MailSettingNames names) {
        this.settings = settings;
        this.names = names;
        this.session = Session.getInstance(properties(settings));
    }

    Session session() {
        return session;
    }

    /** Connects, logs in when a user is set, and sends {@code message} to all its recipients. */
    void send(final MimeMessage message) throws MessagingException {
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * Why sending failed, in one line without the password, and whether trying again may help: unreachable
     * servers, dropped connections and 4xx replies are transient; refused logins, TLS problems, unknown hosts and
     * 5xx replies are not.
     */
    Failure classify(final MessagingException failure) {
        String where = settings.host() + ":" + settings.port();
        Failure result;
        if (failure instanceof AuthenticationFailedException) {
            result = new Failure(false, "the SMTP server " + where + " refused the login of '" + settings.user()
                    + "' (" + firstLine(failure) + "); check " + names.login());
        }
        else if (reply(failure) != null) {
            int code = codeOf(reply(failure));
            result = new Failure(code >= 400 && code < 500, "the SMTP server " + where + " refused the mail ("
                    + firstLine(reply(failure)) + ")" + (code >= 500 ? "; check the sender and recipient addresses"
                    : ""));
        }
        else if (cause(failure, UnknownHostException.class) != null) {
            result = new Failure(false, "the SMTP host '" + settings.host() + "' is unknown; check "
                    + names.server());
        }
        else if (cause(failure, SSLException.class) != null) {
            result = new Failure(false, "TLS with the SMTP server " + where + " failed ("
                    + firstLine(cause(failure, SSLException.class)) + "); check " + names.security() + " (ssl for port "
                    + "465, starttls for 587) and that the server's certificate is trusted (" + names.trust() + ")");
        }
        else if (cause(failure, IOException.class) != null) {
            result = new Failure(true, "cannot reach the SMTP server " + where + " ("
                    + firstLine(cause(failure, IOException.class)) + "); check " + names.server()
                    + " and that the server is up");
        }
        else if (String.valueOf(failure.getMessage()).contains("STARTTLS")) {
            result = new Failure(false, "the SMTP server " + where + " does not offer STARTTLS, so nothing was sent "
                    + "in clear text; set " + names.security() + " to ssl (port 465), or to none for a trusted local "
                    + "relay");
        }
        else {
            result = new Failure(false, "sending through " + where + " failed (" + firstLine(failure) + ")");
        }
        return new Failure(result.transientFailure(), Secrets.mask(result.reason(), settings.password()));
    }

    /**
     * Why a try failed.
     *
     * @param transientFailure whether another try may succeed
     * @param reason           one line, no secrets
     */
    record Failure(boolean transientFailure, String reason) {
    }

    private static Properties properties(final MailSettings settings) {
        Properties props = new Properties();
        props.setProperty("mail.smtp.host", settings.host());
        props.setProperty("mail.smtp.port", String.valueOf(settings.port()));
        props.setProperty("mail.smtp.from", settings.from());
        props.setProperty("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        props.setProperty("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
        props.setProperty("mail.smtp.writetimeout", String.valueOf(settings.readTimeout().toMillis()));
        props.setProperty("mail.smtp.auth", String.valueOf(settings.user() != null));
        if (settings.security() == MailSettings.Security.STARTTLS) {
            props.setProperty("mail.smtp.starttls.enable", "true");
            props.setProperty("mail.smtp.starttls.required", "true");
        }
        if (settings.security() == MailSettings.Security.SSL) {
            props.setProperty("mail.smtp.ssl.enable", "true");
        }
        if (settings.trustedHosts().isEmpty()) {
            props.setProperty("mail.smtp.ssl.checkserveridentity", "true");
        }
        else {
            // Trusting a listed host means trusting its (often self-signed) certificate as it is, name included.
            props.setProperty("mail.smtp.ssl.trust", String.join(" ", settings.trustedHosts()));
            props.setProperty("mail.smtp.ssl.checkserveridentity", "false");
        }
        return props;
    }

    /** The first exception in {@code failure}'s chain that carries an SMTP reply code, or {@code null}. */
    private static Throwable reply(final Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (codeOf(t) > 0) {
                return t;
            }
        }
        return null;
    }

    private static int codeOf(final Throwable t) {
        if (t instanceof SMTPSendFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException e) {
            return e.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException e) {
            return e.getReturnCode();
        }
        return 0;
    }

    private static <T extends Throwable> T cause(final Throwable failure, final Class<T> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The next exception in the chain; SendFailedException keeps per-address failures in getNextException. */
    private static Throwable next(final Throwable t) {
        if (t instanceof MessagingException m && m.getNextException() != null && m.getNextException() != t) {
            return m.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }

    private static String firstLine(final Throwable t) {
        String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end).strip();
    }
}
