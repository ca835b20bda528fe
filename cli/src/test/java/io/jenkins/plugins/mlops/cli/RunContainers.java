package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The containers, running or not, that carry a run's label, as the docker CLI lists them. */
final class RunContainers {
    private RunContainers() {
    }

    /** The ids of the run's containers, one per line; empty when none is left. */
    static String of(final String chainId) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter",
                "label=io.jenkins.plugins.mlops.run=" + chainId)
                .redirectErrorStream(true).start();
        String ids = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(ps.waitFor()).isZero();
        return ids;
    }
}
