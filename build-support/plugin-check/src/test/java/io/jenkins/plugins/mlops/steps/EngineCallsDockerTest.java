package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Docker host and TLS settings of the global configuration reach the engine on the agent. */
class EngineCallsDockerTest {
    /** The configured host is the one the engine talks to. */
    @Test
    void shouldUseTheConfiguredHost() {
        assertThat(EngineCalls.docker(settings("tcp://docker.example.com:2375", false, "")).host())
                .isEqualTo("tcp://docker.example.com:2375");
    }

    /** TLS on and the certificate folder reach the engine, which checks the folder before connecting. */
    @Test
    void shouldPassTheTlsSettings(@TempDir final Path certs) throws IOException {
        Files.writeString(certs.resolve("ca.pem"), "x");

        assertThatThrownBy(() -> EngineCalls.docker(settings("tcp://docker.example.com:2376", true,
                certs.toString())))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("The Docker certificate folder " + certs + " lacks cert.pem, key.pem");
    }

    /**
     * Without a configured host, the build's DOCKER_HOST (withEnv, withDockerServer, node properties) decides, not
     * the agent process's environment.
     */
    @Test
    void shouldUseTheBuildsEnvironment() {
        EngineSettings settings = new EngineSettings("", false, "",
                EngineSettings.dockerVariables(Map.of("DOCKER_HOST", "tcp://build.example.com:2375", "PATH", "/bin")),
                OperatorPolicy.DEFAULT, EngineSettings.Sandbox.DEFAULT, "", false);

        assertThat(settings.dockerEnvironment()).containsOnlyKeys("DOCKER_HOST");
        assertThat(EngineCalls.docker(settings).host()).isEqualTo("tcp://build.example.com:2375");
    }

    /** TLS on without a host still applies TLS (to the agent's default host) rather than ignoring it. */
    @Test
    void shouldNotIgnoreTlsWithoutAHost() {
        assertThatThrownBy(() -> EngineCalls.docker(settings("", true, "")))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("no certificate folder is set");
    }

    private static EngineSettings settings(final String host, final boolean tls, final String certPath) {
        return new EngineSettings(host, tls, certPath, Map.of(), OperatorPolicy.DEFAULT,
                EngineSettings.Sandbox.DEFAULT, "", false);
    }
}
