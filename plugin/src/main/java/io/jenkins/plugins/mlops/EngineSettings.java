package io.jenkins.plugins.mlops;

import java.io.Serializable;
import java.util.Map;

/**
 * The global configuration as the engine needs it on the agent: a plain snapshot, taken per step on the controller,
 * because the agent cannot read Jenkins' configuration. {@link #toString()} never shows the SMTP password.
 *
 * @param dockerHost      the Docker daemon URL, or empty for the agent's default
 * @param dockerTlsVerify whether to verify the daemon's TLS certificate
 * @param dockerCertPath  the folder with the TLS client certificates, or empty
 * @param images          trainer image per framework id ({@code keras}, {@code pytorch}, {@code sklearn})
 * @param smtpHost        the mail server, or empty when mail is not configured
 * @param smtpPort        the mail server port, or 0 for the usual port of {@code smtpSecurity}
 * @param smtpSecurity    {@code starttls}, {@code ssl} or {@code none}
 * @param smtpUser        the SMTP user, or empty
 * @param smtpPassword    the SMTP password, or empty
 * @param mailFrom        the sender address
 */
public record EngineSettings(String dockerHost, boolean dockerTlsVerify, String dockerCertPath,
        Map<String, String> images, String smtpHost, int smtpPort, String smtpSecurity, String smtpUser, String smtpPassword,
        String mailFrom) implements Serializable {
    private static final long serialVersionUID = 1L;

    public EngineSettings {
        images = Map.copyOf(images);
    }

    /** The trainer image configured for {@code framework}, or empty. */
    public String imageFor(final String framework) {
        return images.getOrDefault(framework, "");
    }

    @Override
    public String toString() {
        return "EngineSettings[dockerHost=" + dockerHost + ", images=" + images + ", smtpHost=" + smtpHost
                + ", smtpUser=" + smtpUser + ", smtpPassword=****]";
    }
}
