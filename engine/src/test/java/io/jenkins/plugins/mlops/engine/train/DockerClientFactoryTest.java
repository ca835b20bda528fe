package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker settings: bad TLS settings are one input error before any connection; an unreachable daemon (socket
 * missing, TCP refused, wrong protocol) is one infrastructure error with the fix.
 */
class DockerClientFactoryTest {
    /** A socket path that does not exist. */
    @Test
    void shouldReportAMissingSocket(@TempDir final Path dir) {
        assertUnreachable(DockerClientFactory.fromSettings("unix://" + dir.resolve("docker.sock"), false, ""));
    }

    /** A TCP port nobody listens on. */
    @Test
    void shouldReportARefusedConnection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertUnreachable(DockerClientFactory.fromSettings("tcp://127.0.0.1:" + port, false, null));
    }

    /** A TCP endpoint that accepts but does not speak the Docker API (as a TLS daemon does to plain HTTP). */
    @Test
    void shouldReportAWrongProtocol() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            assertUnreachable(DockerClientFactory.fromSettings("tcp://127.0.0.1:" + silent.getLocalPort(), false,
                    null));
        }
    }

    /** The explicit host is the one used; without TLS a certificate folder is ignored. */
    @Test
    void shouldUseTheGivenHost() {
        assertThat(DockerClientFactory.fromSettings(" tcp://docker.example.com:2375 ", false, "/nowhere").host())
                .isEqualTo("tcp://docker.example.com:2375");
    }

    /**
     * A given environment (a Jenkins build's, where withEnv or withDockerServer set DOCKER_HOST) names the daemon,
     * not this process's environment.
     */
    @Test
    void shouldUseTheGivenEnvironment() {
        assertThat(DockerClientFactory.fromEnvironment(java.util.Map.of("DOCKER_HOST", "tcp://build.example.com:2375"))
                .host()).isEqualTo("tcp://build.example.com:2375");
        assertThatThrownBy(() -> DockerClientFactory.fromEnvironment(java.util.Map.of("DOCKER_HOST",
                "tcp://build.example.com:2376", "DOCKER_TLS_VERIFY", "1"))).isInstanceOf(MlopsException.class)
                .hasMessageContaining("DOCKER_CERT_PATH");
    }

    /** TLS on without a certificate folder. */
    @Test
    void shouldRequireACertificateFolderForTls() {
        assertInvalid(" ", "no certificate folder is set", "DOCKER_CERT_PATH", "ca.pem, cert.pem, key.pem");
        assertInvalid(null, "no certificate folder is set");
    }

    /** A certificate folder that does not exist, or is a file. */
    @Test
    void shouldReportAMissingCertificateFolder(@TempDir final Path dir) throws IOException {
        Path missing = dir.resolve("certs");
        assertInvalid(missing.toString(), "The Docker certificate folder " + missing + " does not exist");
        Path file = Files.writeString(dir.resolve("file"), "");
        assertInvalid(file.toString(), "The Docker certificate folder " + file + " does not exist or is not a folder");
    }

    /** One message naming the folder and every missing file. */
    @Test
    void shouldNameTheMissingFiles(@TempDir final Path dir) throws IOException {
        Files.writeString(dir.resolve("ca.pem"), "x");

        assertInvalid(dir.toString(), "The Docker certificate folder " + dir + " lacks cert.pem, key.pem (it needs "
                + "ca.pem, cert.pem, key.pem)");
    }

    /** Files that are there but are no PEM certificates and key. */
    @Test
    void shouldReportUnreadableCertificates(@TempDir final Path dir) throws IOException {
        for (String name : DockerTls.FILES) {
            Files.writeString(dir.resolve(name), "not a PEM file\n");
        }

        assertInvalid(dir.toString(), "The TLS files in the Docker certificate folder " + dir + " cannot be loaded",
                "key.pem the PEM private key");
    }

    /** An address docker-java cannot parse. */
    @Test
    void shouldReportAnInvalidHost() {
        assertThatThrownBy(() -> DockerClientFactory.fromSettings("tcp://bad host:2375", false, null))
                .isInstanceOfSatisfying(MlopsException.class, e -> assertThat(e.kind())
                        .isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageStartingWith("The Docker settings are invalid").hasMessageContaining("DOCKER_HOST");
    }

    private static void assertInvalid(final String certPath, final String... parts) {
        assertThatThrownBy(() -> DockerClientFactory.fromSettings("tcp://127.0.0.1:2376", true, certPath))
                .isInstanceOfSatisfying(MlopsException.class, e -> assertThat(e.kind())
                        .isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContainingAll(parts);
    }

    private static void assertUnreachable(final DockerClientFactory factory) {
        assertThatThrownBy(factory::checkDaemon)
                .isInstanceOfSatisfying(MlopsException.class, e -> assertThat(e.kind())
                        .isEqualTo(MlopsException.Kind.INFRASTRUCTURE))
                .hasMessageContaining("does not answer").hasMessageContaining("DOCKER_HOST")
                .hasMessageContaining("Start dockerd");
    }
}
