package io.jenkins.plugins.mlops.config;

/**
 * The SMTP server of the global configuration with its login, resolved on the controller and used only there: it
 * is deliberately not {@link java.io.Serializable}, so it cannot travel to an agent. {@link #toString()} hides the
 * password.
 *
 * @param host     the server
 * @param port     the port, or 0 for the usual port of {@code security}
 * @param security {@code starttls}, {@code ssl} or {@code none}
 * @param user     the login, or {@code null}
 * @param password the password, or {@code null}
 */
public record MailServer(String host, int port, String security, String user, String password) {
    @Override
    public String toString() {
        return "MailServer[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user
                + ", password=****]";
    }
}
