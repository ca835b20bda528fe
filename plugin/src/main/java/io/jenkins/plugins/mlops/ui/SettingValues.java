package io.jenkins.plugins.mlops.ui;

import java.util.Locale;
import java.util.Set;

/**
 * Parses the values of the global configuration as the setters receive them (form, Configuration as Code): empty
 * means "not set", anything that is not a valid value is refused naming the field, so that a typo never becomes a
 * target of 0 or a port of 0.
 */
public final class SettingValues {
    /** The SMTP security when none is set. */
    public static final String DEFAULT_SMTP_SECURITY = "starttls";

    private static final Set<String> SECURITIES = Set.of("none", "starttls", "ssl");
    private static final int MAX_PORT = 65_535;

    private SettingValues() {
    }

    /** A finite number, or {@code null} when {@code value} is empty. */
    public static Double target(final String field, final String value) {
        String text = FormChecks.trim(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            double parsed = Double.parseDouble(text);
            if (Double.isFinite(parsed)) {
                return parsed;
            }
        }
        catch (NumberFormatException e) {
            // refused below, naming the field
        }
        throw new IllegalArgumentException(field + ": '" + text + "' is not a number; enter e.g. 0.9, or leave it "
                + "empty to let mlops.yml or the built-in default decide.");
    }

    /** A TCP port, or {@code null} when {@code value} is empty. */
    public static Integer port(final String field, final String value) {
        String text = FormChecks.trim(value);
        if (text.isEmpty()) {
            return null;
        }
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= MAX_PORT) {
                return port;
            }
        }
        catch (NumberFormatException e) {
            // refused below, naming the field
        }
        throw new IllegalArgumentException(field + ": '" + text + "' is not a port; enter 1-65535, or leave it "
                + "empty for the usual port (587 with STARTTLS, 465 with SSL, 25 without).");
    }

    /** A whole number of at least 1, or {@code null} (not set); a form's or script's 0 or less is refused. */
    public static Integer positive(final String field, final Integer value) {
        if (value != null && value < 1) {
            throw new IllegalArgumentException(field + ": " + value + " is not allowed; enter a whole number of at "
                    + "least 1, or leave it empty for mlops.yml or the default.");
        }
        return value;
    }

    /** A target as a step receives it: finite, or {@code null} (not set). */
    public static Double target(final String field, final Double value) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(field + ": " + value + " is not a number; enter e.g. 0.9.");
        }
        return value;
    }

    /** {@code value} trimmed, refused when it spans lines (it goes into a commit header). */
    public static String singleLine(final String field, final String value) {
        String text = FormChecks.trim(value);
        if (text.contains("\n") || text.contains("\r")) {
            throw new IllegalArgumentException(field + ": enter one line.");
        }
        return text;
    }

    /** One mail address, or empty. */
    public static String address(final String field, final String value) {
        String text = singleLine(field, value);
        if (!text.isEmpty() && !FormChecks.isAddress(text)) {
            throw new IllegalArgumentException(field + ": '" + text + "' is not a mail address.");
        }
        return text;
    }

    /** {@code none}, {@code starttls} or {@code ssl}; empty is STARTTLS. */
    public static String security(final String field, final String value) {
        String text = FormChecks.trim(value).toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return DEFAULT_SMTP_SECURITY;
        }
        if (!SECURITIES.contains(text)) {
            throw new IllegalArgumentException(field + ": '" + value + "' is not known; use starttls, ssl or none.");
        }
        return text;
    }
}
