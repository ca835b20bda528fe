package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unreachable daemon (socket missing, TCP refused, TLS wrong) is one infrastructure error with the fix. */
class DockerClientFactoryTest {
    /** A socket path that does not exist. */
    @Test
    void shouldReportAMissingSocket(@TempDir final Path dir) {
        assertUnreachable(DockerClientFactory.forHost("unix://" + dir.resolve("docker.sock")));
    }

    /** A TCP port nobody listens on. */
    @Test
    void shouldReportARefusedConnection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertUnreachable(DockerClientFactory.forHost("tcp://127.0.0.1:" + port));
    }

    /** A TCP endpoint that accepts but does not speak the Docker API (as a TLS daemon does to plain HTTP). */
    @Test
    void shouldReportAWrongProtocol() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            assertUnreachable(DockerClientFactory.forHost("tcp://127.0.0.1:" + silent.getLocalPort()));
        }
    }

    private static void assertUnreachable(final DockerClientFactory factory) {
        assertThatThrownBy(factory::checkDaemon)
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.kind())
                                .isEqualTo(MlopsException.Kind.INFRASTRUCTURE))
                .hasMessageContaining("does not answer").hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("Start dockerd");
    }
}
