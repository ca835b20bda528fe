package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.IOException;
import java.time.Duration;

/**
 * The one place that wires docker-java: {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}
 * (or the matching system properties) are honoured, and no API version is pinned, so the daemon answers at its own
 * version (1.41 on dockerd 20.10). The transport is httpclient5, the one Jenkins' docker-java-api plugin ships.
 */
public final class DockerClientFactory {
    /** Connecting (socket, TCP, TLS handshake) may take this long; a daemon that does not accept is down. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** With the connect timeout, the daemon check ends within 5 s even when a TCP host swallows packets. */
    private static final Duration PING_TIMEOUT = Duration.ofMillis(2500);

    private final DockerClientConfig config;

    private DockerClientFactory(final DockerClientConfig config) {
        this.config = config;
    }

    /** A factory for the daemon the environment names (the local socket when nothing is set). */
    public static DockerClientFactory fromEnvironment() {
        try {
            return new DockerClientFactory(DefaultDockerClientConfig.createDefaultConfigBuilder().build());
        }
        catch (RuntimeException e) {
            throw MlopsException.input("The Docker settings are invalid: " + Secrets.maskUrls(String.valueOf(
                    e.getMessage())) + ". Check DOCKER_HOST (e.g. unix:///var/run/docker.sock or tcp://host:2376), "
                    + "DOCKER_TLS_VERIFY and DOCKER_CERT_PATH.");
        }
    }

    /** A factory for the daemon at {@code dockerHost} (e.g. {@code unix:///var/run/docker.sock}), no TLS. */
    public static DockerClientFactory forHost(final String dockerHost) {
        return new DockerClientFactory(DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(dockerHost).withDockerTlsVerify(false).build());
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
                .maxConnections(16)
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

    /** The error for a daemon that does not answer, with the fix. */
    MlopsException unreachable(final Throwable cause) {
        return MlopsException.infrastructure("The Docker daemon at " + host() + " does not answer ("
                + Secrets.maskUrls(rootMessage(cause)) + "). Start dockerd (scripts/setup.sh, or "
                + "`sudo systemctl start docker`), or point DOCKER_HOST at a running daemon; for TLS set "
                + "DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem.", cause);
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
