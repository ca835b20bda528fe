package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.testing.TlsCertificates;
import io.jenkins.plugins.mlops.engine.testing.TlsPingServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TLS settings reach the wire: against a TLS endpoint that requires a client certificate (as dockerd with
 * {@code --tlsverify}), the factory built from explicit settings presents the client certificate of the folder and
 * accepts only a daemon certificate signed by the folder's ca.pem. A real dockerd with TLS is not needed for that:
 * the ping is the first thing the engine sends, and the server answers it as dockerd does.
 */
class DockerClientFactoryTlsIT {
    private static TlsCertificates authority;
    private static TlsCertificates.Issued daemon;

    @TempDir
    private Path temp;

    @BeforeAll
    static void issueCertificates() throws Exception {
        authority = TlsCertificates.newAuthority("mlops-test-ca");
        daemon = authority.issueServer();
    }

    /** The right folder: the handshake carries the client certificate and the ping is answered. */
    @Test
    void shouldPresentTheClientCertificateAndTrustTheDaemon() throws Exception {
        Path certs = authority.writeClientFolder(temp.resolve("certs"), authority.issueClient("mlops-agent"));
        try (TlsPingServer server = TlsPingServer.start(authority.serverContext(daemon))) {
            DockerClientFactory factory = DockerClientFactory.fromSettings(server.dockerHost(), true,
                    certs.toString());

            factory.checkDaemon();

            assertThat(server.clientSubjects()).containsOnly("CN=mlops-agent");
            assertThat(server.requests()).singleElement().asString().contains("/_ping");
        }
    }

    /** A daemon whose certificate another CA signed is refused within 5 s, with the folder and the fix named. */
    @Test
    void shouldRefuseADaemonTheFolderDoesNotTrust() throws Exception {
        TlsCertificates stranger = TlsCertificates.newAuthority("another-ca");
        Path certs = stranger.writeClientFolder(temp.resolve("other-ca"), stranger.issueClient("mlops-agent"));
        try (TlsPingServer server = TlsPingServer.start(authority.serverContext(daemon))) {
            DockerClientFactory factory = DockerClientFactory.fromSettings(server.dockerHost(), true,
                    certs.toString());
            long start = System.nanoTime();

            assertHandshakeRefused(factory, certs);

            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(server.requests()).isEmpty();
        }
    }

    /** A client certificate the daemon's CA did not sign gets no answer from the daemon. */
    @Test
    void shouldBeRefusedWithAClientCertificateTheDaemonDoesNotTrust() throws Exception {
        TlsCertificates stranger = TlsCertificates.newAuthority("another-ca");
        Path certs = authority.writeClientFolder(temp.resolve("foreign-client"), stranger.issueClient("intruder"));
        try (TlsPingServer server = TlsPingServer.start(authority.serverContext(daemon))) {
            DockerClientFactory factory = DockerClientFactory.fromSettings(server.dockerHost(), true,
                    certs.toString());

            // The daemon may close the connection mid-handshake instead of sending an alert: either message names
            // the folder.
            assertThatThrownBy(factory::checkDaemon)
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE))
                    .hasMessageContaining(server.dockerHost())
                    .hasMessageContaining("client certificate cert.pem")
                    .hasMessageContaining(certs.toAbsolutePath().normalize().toString());
            assertThat(server.clientSubjects()).isEmpty();
            assertThat(server.requests()).isEmpty();
        }
    }

    private static void assertHandshakeRefused(final DockerClientFactory factory, final Path certs) {
        assertThatThrownBy(factory::checkDaemon)
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE))
                .hasMessageContaining("TLS handshake with the Docker daemon at tcp://127.0.0.1:")
                .hasMessageContaining("ca.pem in " + certs.toAbsolutePath().normalize());
    }
}
