package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs after the CLI's other integration tests (failsafe runs them alphabetically, cli/pom.xml), which train in real
 * containers: none of the containers seen now may remain. Containers of other builds on the same daemon end with
 * their trials; a leftover never does.
 */
@RequiresDocker
class ZzNoLeftoverContainersIT {
    /** No container with the mlops run label outlives the CLI's tests. */
    @Test
    void shouldLeaveNoTrainingContainerBehind() throws IOException, InterruptedException {
        Set<String> seen = new HashSet<>(labelled());
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        Set<String> left = new HashSet<>(seen);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            TimeUnit.SECONDS.sleep(1);
            left.retainAll(labelled());
        }

        assertThat(left).as("training containers left behind").isEmpty();
    }

    private static List<String> labelled() throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--no-trunc", "--filter",
                "label=io.jenkins.plugins.mlops.run").redirectErrorStream(true).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor()).as(out).isZero();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
