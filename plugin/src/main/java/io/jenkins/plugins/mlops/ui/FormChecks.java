package io.jenkins.plugins.mlops.ui;

import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.mlops.engine.model.Mode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks behind the forms' {@code doCheck*} and {@code doFill*} endpoints, shared by the freestyle builders,
 * the Pipeline steps (snippet generator) and the global configuration. Callers check permissions first. The
 * credentials fields, which ask Jenkins who may see credentials, are {@code config.CredentialsFields}.
 */
public final class FormChecks {
    private static final Set<String> GIT_SCHEMES = Set.of("http", "https", "ssh", "git", "file");
    private static final Set<String> DOCKER_SCHEMES = Set.of("unix", "tcp", "npipe", "ssh");
    /** user@host:path, the scp-like syntax git accepts for SSH. */
    private static final Pattern SCP_LIKE = Pattern.compile("[\\w.-]+@[\\w.-]+:.+");
    /** A Docker image reference: [registry[:port]/]name[/name...][:tag][@sha256:digest]. */
    private static final Pattern IMAGE = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?"
            + "(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?"
            + "(?:@sha256:[a-f0-9]{64})?");
    private static final Pattern MAIL = Pattern.compile("[^@\\s,]+@[^@\\s,]+");
    private static final int MAX_PORT = 65_535;

    private FormChecks() {
    }

    /** {@code value} trimmed, with {@code null} as empty. */
    public static String trim(final String value) {
        return value == null ? "" : value.trim();
    }

    /** {@code value} trimmed, or {@code fallback} when it is blank (a form left empty keeps the default). */
    public static String orDefault(final String value, final String fallback) {
        String trimmed = trim(value);
        return trimmed.isEmpty() ? fallback : trimmed;
    }

    /** A git repository URL: required, with a scheme git understands, or scp-like. */
    public static FormValidation gitUrl(final String value) {
        String url = trim(value);
        if (url.isEmpty()) {
            return FormValidation.error("Enter the URL of the model repository.");
        }
        if (SCP_LIKE.matcher(url).matches()) {
            return FormValidation.ok();
        }
        try {
            String scheme = new URI(url).getScheme();
            if (scheme != null && GIT_SCHEMES.contains(scheme.toLowerCase(Locale.ROOT))) {
                return FormValidation.ok();
            }
        }
        catch (URISyntaxException e) {
            return FormValidation.error("Not a valid URL: " + e.getReason() + ".");
        }
        return FormValidation.error("Use an http(s)://, ssh://, git://, file:// or user@host:path URL.");
    }

    /** An optional git remote: empty means the repository this build fetched. */
    public static FormValidation optionalGitUrl(final String value) {
        return trim(value).isEmpty() ? FormValidation.ok() : gitUrl(value);
    }

    /** A Docker daemon URL, or empty for the agent's default. */
    public static FormValidation dockerHost(final String value) {
        String host = trim(value);
        if (host.isEmpty()) {
            return FormValidation.ok();
        }
        int colon = host.indexOf("://");
        if (colon > 0 && DOCKER_SCHEMES.contains(host.substring(0, colon).toLowerCase(Locale.ROOT))) {
            return FormValidation.ok();
        }
        return FormValidation.error("Use unix:///var/run/docker.sock, tcp://host:2376, ssh://user@host or "
                + "npipe:////./pipe/docker_engine, or leave empty for the agent's default.");
    }

    /** A Docker image reference, or empty for the configured default. */
    public static FormValidation image(final String value) {
        String image = trim(value);
        if (image.isEmpty() || IMAGE.matcher(image).matches()) {
            return FormValidation.ok();
        }
        return FormValidation.error("Not a Docker image name; use e.g. mlops/sklearn:0.1 or "
                + "registry.example.com:5000/team/trainer:2.");
    }

    /** A step's metric target, or empty for mlops.yml, else the global default, else 0.90. */
    public static FormValidation target(final String value) {
        return target(value, "Uses target: of mlops.yml, else the default target of the global configuration, "
                + "else 0.90.");
    }

    /** The global default target, or empty for mlops.yml, else 0.90. */
    public static FormValidation defaultTarget(final String value) {
        return target(value, "Uses target: of mlops.yml, else 0.90.");
    }

    private static FormValidation target(final String value, final String whenEmpty) {
        String target = trim(value);
        if (target.isEmpty()) {
            return FormValidation.ok(whenEmpty);
        }
        try {
            double parsed = Double.parseDouble(target);
            if (Double.isNaN(parsed) || Double.isInfinite(parsed)) {
                return FormValidation.error("Enter a finite number, e.g. 0.9.");
            }
            return parsed > 1 ? FormValidation.warning("Accuracy-like metrics are fractions; "
                    + "a target above 1 only makes sense for metrics such as loss.") : FormValidation.ok();
        }
        catch (NumberFormatException e) {
            return FormValidation.error("Enter a number, e.g. 0.9 for 90 % accuracy.");
        }
    }

    /** A whole number of at least 1. */
    public static FormValidation positive(final String value) {
        try {
            return Integer.parseInt(trim(value)) >= 1 ? FormValidation.ok()
                    : FormValidation.error("Enter a whole number of at least 1.");
        }
        catch (NumberFormatException e) {
            return FormValidation.error("Enter a whole number of at least 1.");
        }
    }

    /** A TCP port. */
    public static FormValidation port(final String value) {
        try {
            int port = Integer.parseInt(trim(value));
            return port >= 1 && port <= MAX_PORT ? FormValidation.ok()
                    : FormValidation.error("Enter a port between 1 and 65535.");
        }
        catch (NumberFormatException e) {
            return FormValidation.error("Enter a port between 1 and 65535.");
        }
    }

    /** A TCP port, or empty for the usual port of the SMTP security. */
    public static FormValidation optionalPort(final String value) {
        return trim(value).isEmpty() ? FormValidation.ok() : port(value);
    }

    /** A whole number of at least 1, or empty for mlops.yml or the default. */
    public static FormValidation optionalPositive(final String value) {
        return trim(value).isEmpty() ? FormValidation.ok() : positive(value);
    }

    /** The tweak mode. */
    public static FormValidation mode(final String value) {
        return trim(value).isEmpty() || Mode.of(trim(value)).isPresent() ? FormValidation.ok()
                : FormValidation.error("Use via-git (commit and push each tweak) or in-build.");
    }

    /** Comma-separated mail addresses, at least one. */
    public static FormValidation recipients(final String value) {
        String all = trim(value);
        if (all.isEmpty()) {
            return FormValidation.error("Enter at least one mail address.");
        }
        for (String address : all.split(",")) {
            if (!MAIL.matcher(address.trim()).matches()) {
                return FormValidation.error("Not a mail address: " + address.trim() + ".");
            }
        }
        return FormValidation.ok();
    }

    /** Whether {@code value} is one mail address. */
    public static boolean isAddress(final String value) {
        return MAIL.matcher(trim(value)).matches();
    }

    /** One mail address, or empty. */
    public static FormValidation optionalAddress(final String value) {
        return trim(value).isEmpty() || isAddress(value) ? FormValidation.ok()
                : FormValidation.error("Not a mail address.");
    }

    /** Comma-separated mail addresses, or none (then nobody is mailed, or whom mlops.yml names if allowed). */
    public static FormValidation optionalRecipients(final String value) {
        return trim(value).isEmpty() ? FormValidation.ok() : recipients(value);
    }

    /** The SMTP securities for the drop-down. */
    public static ListBoxModel securities() {
        ListBoxModel model = new ListBoxModel();
        model.add("STARTTLS (usually port 587)", "starttls");
        model.add("SSL/TLS from the first byte (usually port 465)", "ssl");
        model.add("None: plain SMTP, for a relay on the same host or network (usually port 25)", "none");
        return model;
    }

    /** The tweak modes for the drop-down. */
    public static ListBoxModel modes() {
        ListBoxModel model = new ListBoxModel();
        model.add("mode: of mlops.yml, else in-build", "");
        model.add(Mode.VIA_GIT.id() + ": commit and push each tweak, the next poll retrains", Mode.VIA_GIT.id());
        model.add(Mode.IN_BUILD.id() + ": train all trials in this build", Mode.IN_BUILD.id());
        return model;
    }
}
