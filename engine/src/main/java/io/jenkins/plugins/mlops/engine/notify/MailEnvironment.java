package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads {@link MailSettings} from {@code MLOPS_SMTP_*} / {@code MLOPS_MAIL_*} variables, naming the bad one. */
final class MailEnvironment {
    static final String HOST = "MLOPS_SMTP_HOST";
    static final String PORT = "MLOPS_SMTP_PORT";
    static final String SECURITY = "MLOPS_SMTP_SECURITY";
    static final String USER = "MLOPS_SMTP_USER";
    static final String PASSWORD = "MLOPS_SMTP_PASSWORD";
    static final String SSL_TRUST = "MLOPS_SMTP_SSL_TRUST";
    static final String FROM = "MLOPS_MAIL_FROM";
    static final String TO = "MLOPS_MAIL_TO";
    static final String OUTBOX = "MLOPS_MAIL_OUTBOX";

    private MailEnvironment() {
    }

    static Optional<MailSettings> read(final Map<String, String> env, final Path defaultOutbox) {
        String host = value(env, HOST);
        List<String> to = Addresses.parseList(value(env, TO), TO);
        if (host == null && to.isEmpty()) {
            return Optional.empty();
        }
        String from = value(env, FROM);
        if (from != null) {
            Addresses.requireAddress(from, FROM);
        }
        String outbox = value(env, OUTBOX);
        String trust = value(env, SSL_TRUST);
        List<String> trusted = trust == null ? List.of()
                : Arrays.stream(trust.split("[,\\s]+")).filter(h -> !h.isBlank()).toList();
        return Optional.of(new MailSettings(host, port(env), security(env), value(env, USER), password(env),
                from, to, true, null, outbox == null ? defaultOutbox : Path.of(outbox), null, null, trusted));
    }

    private static int port(final Map<String, String> env) {
        String port = value(env, PORT);
        if (port == null) {
            return 0;
        }
        try {
            int number = Integer.parseInt(port);
            if (number >= 1 && number <= 65_535) {
                return number;
            }
        }
        catch (NumberFormatException e) {
            // reported below, with the fix
        }
        throw MlopsException.input(PORT + " is '" + port + "', not a port number; set it to 1-65535 (e.g. 587 "
                + "for STARTTLS, 465 for SSL) or unset it to use the usual port of " + SECURITY + ".");
    }

    private static MailSettings.Security security(final Map<String, String> env) {
        String security = value(env, SECURITY);
        if (security == null) {
            return MailSettings.Security.NONE;
        }
        return switch (security.toLowerCase(Locale.ROOT)) {
            case "none" -> MailSettings.Security.NONE;
            case "starttls" -> MailSettings.Security.STARTTLS;
            case "ssl" -> MailSettings.Security.SSL;
            default -> throw MlopsException.input(SECURITY + " is '" + security + "'; set it to none, starttls "
                    + "(usually port 587) or ssl (usually port 465).");
        };
    }

    /** The password as given: it never reaches a header, and spaces may be part of it. */
    private static String password(final Map<String, String> env) {
        String password = env.get(PASSWORD);
        return password == null || password.isEmpty() ? null : password;
    }

    private static String value(final Map<String, String> env, final String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : Addresses.requireSingleLine(value.trim(), name);
    }
}
