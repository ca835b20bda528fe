package io.jenkins.plugins.mlops.engine.notify;

/**
 * How a front end names its mail settings, for the messages that say what to check when sending fails: the CLI's
 * variables ({@link #ENVIRONMENT}), or the fields of Jenkins' global configuration, where no such variable exists.
 *
 * @param server   the SMTP server and its port
 * @param security how the connection is secured
 * @param login    the SMTP user and password
 * @param trust    which server certificates are trusted
 */
public record MailSettingNames(String server, String security, String login, String trust) {
    /** The CLI's environment variables. */
    public static final MailSettingNames ENVIRONMENT = new MailSettingNames("MLOPS_SMTP_HOST and MLOPS_SMTP_PORT",
            "MLOPS_SMTP_SECURITY", "MLOPS_SMTP_USER and MLOPS_SMTP_PASSWORD", "MLOPS_SMTP_SSL_TRUST");
}
