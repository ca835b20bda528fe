package io.jenkins.plugins.mlops.config;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The global configuration as the engine needs it on the agent: a plain snapshot, taken per step on the controller,
 * because the agent cannot read Jenkins' configuration. It holds no secret: mail is rendered on the agent and sent
 * from the controller, which alone resolves the SMTP login ({@link MailServer}).
 *
 * @param dockerHost      the Docker daemon URL, or empty for the agent's default
 * @param dockerTlsVerify whether to verify the daemon's TLS certificate
 * @param dockerCertPath  the folder with the TLS client certificates, or empty
 * @param dockerEnvironment the build's {@code DOCKER_HOST}, {@code DOCKER_TLS_VERIFY} and {@code DOCKER_CERT_PATH}
 *                        (withEnv, withDockerServer, node properties), used when no host and no TLS are configured
 * @param policy          what repositories may ask for, with the operator's defaults (target, committer, trainer
 *                        image per framework)
 * @param sandbox         what the operator allows training containers
 * @param mailFrom        the sender address, or empty
 * @param controllerMail  whether the controller sends the rendered mail (an SMTP server is configured)
 */
public record EngineSettings(String dockerHost, boolean dockerTlsVerify, String dockerCertPath,
        Map<String, String> dockerEnvironment, OperatorPolicy policy, Sandbox sandbox, String mailFrom,
        boolean controllerMail) implements Serializable {
    private static final long serialVersionUID = 1L;

    public EngineSettings {
        dockerEnvironment = Map.copyOf(dockerEnvironment);
        sandbox = sandbox == null ? Sandbox.DEFAULT : sandbox;
    }

    /**
     * What the operator allows training containers beyond the engine's safe defaults, as typed values: only what the
     * administrator set, the engine keeps each default.
     *
     * @param allowRoot     whether an image whose user is root may run the script as root
     * @param maxFileBytes  the largest file copied back out of a container, or {@code null} (not set)
     * @param maxTotalBytes the most bytes copied back out of one container, or {@code null} (not set)
     */
    public record Sandbox(boolean allowRoot, Long maxFileBytes, Long maxTotalBytes) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** Nothing set: no root, the engine's copy-back limits. */
        public static final Sandbox DEFAULT = new Sandbox(false, null, null);
    }

    /** The Docker variables of {@code environment}, the only ones the agent needs of the build's environment. */
    public static Map<String, String> dockerVariables(final Map<String, String> environment) {
        Map<String, String> docker = new TreeMap<>();
        for (String name : List.of("DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH")) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                docker.put(name, value);
            }
        }
        return docker;
    }
}
