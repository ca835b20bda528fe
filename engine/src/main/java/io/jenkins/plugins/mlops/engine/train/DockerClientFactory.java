package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The one place that wires docker-java. The daemon address, TLS verification and the TLS certificate folder come
 * either from the environment ({@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY}, {@code DOCKER_CERT_PATH}, or the
 * matching system properties) or from explicit settings (the Jenkins global configuration); both go through
 * {@link #fromSettings}, which checks the TLS files before any connection. No API version is pinned, so the daemon
 * answers at its own version (1.41 on dockerd 20.10). The transport is httpclient5, the one Jenkins'
 * docker-java-api plugin ships.
 */
public final class DockerClientFactory {
    /** Connecting (socket, TCP, TLS handshake) may take this long; a daemon that does not accept is down. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** With the connect timeout, the daemon check ends within 5 s even when a TCP host swallows packets. */
    private static final Duration PING_TIMEOUT = Duration.ofMillis(2500);

    private final DockerClientConfig config;

    DockerClientFactory(final DockerClientConfig config) {
        this.config = config;
    }

    /**
     * A factory for the daemon the environment names (the local socket when nothing is set); a system property
     * of the same name wins over the environment variable, as in docker-java.
     *
     * @throws MlopsException (input) when the settings are invalid, see {@link #fromSettings}
     */
    public static DockerClientFactory fromEnvironment() {
        return fromSettings(setting(DefaultDockerClientConfig.DOCKER_HOST),
                isTrue(setting(DefaultDockerClientConfig.DOCKER_TLS_VERIFY)),
                setting(DefaultDockerClientConfig.DOCKER_CERT_PATH));
    }

    /**
     * A factory for the daemon {@code environment} names, e.g. a Jenkins build's environment (where
     * {@code withEnv}, {@code withDockerServer} and node properties set {@code DOCKER_HOST}), not this process's.
     *
     * @param environment the variables; {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}
     *                    are read
     * @throws MlopsException (input) when the settings are invalid, see {@link #fromSettings}
     */
    public static DockerClientFactory fromEnvironment(final Map<String, String> environment) {
        return fromSettings(environment.get(DefaultDockerClientConfig.DOCKER_HOST),
                isTrue(environment.get(DefaultDockerClientConfig.DOCKER_TLS_VERIFY)),
                environment.get(DefaultDockerClientConfig.DOCKER_CERT_PATH));
    }

    /**
     * A factory for explicit settings. With TLS verification on, the certificate folder must hold
     * {@code ca.pem} (the CA that signed the daemon's certificate), {@code cert.pem} and {@code key.pem} (the client
     * certificate and its key); this is checked here, before any connection.
     *
     * @param dockerHost the daemon, e.g. {@code unix:///var/run/docker.sock} or {@code tcp://host:2376}; blank for
     *                   docker-java's default (the current docker context, else the local socket)
     * @param tlsVerify  whether to talk TLS, verifying the daemon's certificate and presenting the client's
     * @param certPath   the folder with the TLS files; needed when {@code tlsVerify}, ignored otherwise
     * @throws MlopsException (input) naming what is wrong (no folder, missing or unreadable files, a bad address)
     *                        and how to fix it
     */
    public static DockerClientFactory fromSettings(final String dockerHost, final boolean tlsVerify,
            final String certPath) {
        if (tlsVerify) {
            DockerTls.checkCertificates(certPath);
        }
        try {
            DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                    .withDockerTlsVerify(tlsVerify)
                    .withDockerCertPath(tlsVerify ? Path.of(certPath).toAbsolutePath().normalize().toString() : null);
            if (dockerHost != null && !dockerHost.isBlank()) {
                builder.withDockerHost(dockerHost.trim());
            }
            return new DockerClientFactory(builder.build());
        }
        catch (RuntimeException e) {
            throw MlopsException.input("The Docker settings are invalid: " + Secrets.maskUrls(String.valueOf(
                    e.getMessage())) + ". Check the Docker host (DOCKER_HOST, e.g. unix:///var/run/docker.sock or "
                    + "tcp://host:2376), TLS verification (DOCKER_TLS_VERIFY) and the certificate folder "
                    + "(DOCKER_CERT_PATH).");
        }
    }

    private static String setting(final String name) {
        return System.getProperty(name, System.getenv(name));
    }

    /** As the docker CLI reads DOCKER_TLS_VERIFY: any value that is not blank turns TLS on (even "0"). */
    private static boolean isTrue(final String value) {
        return value != null && !value.isBlank();
    }

    /** The daemon address, with any credentials masked, for messages. */
    public String host() {
        return Secrets.maskUrls(config.getDockerHost().toString());
    }

    /**
     * A client whose calls fail when the daemon sends nothing for {@code responseTimeout}; {@link Duration#ZERO}
     * waits forever, which log streams and waits of long trainings need.
     */
    DockerClient open(final Duration responseTimeout) {
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(64)
                .connectionTimeout(CONNECT_TIMEOUT)
                .responseTimeout(responseTimeout)
                .build();
        return DockerClientImpl.getInstance(config, http);
    }

    /**
     * Pings the daemon; answers within 5 s.
     *
     * @throws MlopsException (infrastructure) naming the address and how to fix it when the daemon does not answer
     */
    public void checkDaemon() {
        try (DockerClient client = open(PING_TIMEOUT)) {
            client.pingCmd().exec();
        }
        catch (IOException | RuntimeException e) {
            throw unreachable(e);
        }
    }

    /** The error for a daemon that does not answer or refuses the TLS handshake, with the fix. */
    MlopsException unreachable(final Throwable cause) {
        String problem = Secrets.maskUrls(rootMessage(cause));
        if (!(config.getSSLConfig() instanceof LocalDirectorySSLConfig tls)) {
            return MlopsException.infrastructure("The Docker daemon at " + host() + " does not answer (" + problem
                    + "). Start dockerd (scripts/setup.sh, or `sudo systemctl start docker`), or point DOCKER_HOST "
                    + "at a running daemon; for TLS set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with "
                    + "ca.pem, cert.pem and key.pem.", cause);
        }
        if (DockerTls.isHandshakeFailure(cause)) {
            return MlopsException.infrastructure("The TLS handshake with the Docker daemon at " + host()
                    + " failed (" + problem + "). Check that ca.pem in " + tls.getDockerCertPath() + " is the CA "
                    + "that signed the daemon's certificate, that this certificate names the host you connect to, "
                    + "and that the daemon trusts the client certificate cert.pem (its --tlscacert).", cause);
        }
        // A daemon that refuses the client certificate often just closes the connection mid-handshake.
        return MlopsException.infrastructure("The Docker daemon at " + host() + " does not answer over TLS ("
                + problem + "). Check that it runs with --tlsverify on that address, and that it trusts the client "
                + "certificate cert.pem in " + tls.getDockerCertPath() + " (its --tlscacert).", cause);
    }

    static String rootMessage(final Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
