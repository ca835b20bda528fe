package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test of the engine (failsafe runs classes in alphabetical order, see
 * engine/pom.xml): no training container of any run may remain.
 */
@RequiresDocker
class ZzNoLeftoverContainersIT {
    /** No container with our run label exists, in any state. */
    @Test
    void shouldLeaveNoTrainingContainerBehind() throws IOException {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            List<Container> leftovers = docker.listContainersCmd().withShowAll(true)
                    .withLabelFilter(List.of(ContainerSpec.RUN_LABEL)).exec();

            assertThat(leftovers).extracting(container -> container.getLabels().get(ContainerSpec.RUN_LABEL) + " "
                    + container.getStatus()).isEmpty();
        }
    }
}
