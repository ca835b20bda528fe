package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other integration test of the engine (failsafe runs classes in alphabetical order, see
 * engine/pom.xml): no training container or shared workspace volume of any run may remain. A container that is still being trained by another
 * build on the same daemon goes away when its trial ends; a leftover never does. So the containers seen at the
 * start must all be gone within two minutes (containers created meanwhile belong to others and are ignored).
 */
@RequiresDocker
class ZzNoLeftoverContainersIT {
    /** No container with our run label outlives the suite. */
    @Test
    void shouldLeaveNoTrainingContainerBehind() throws IOException {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            Set<String> seen = ids(labelled(docker));
            try {
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> ids(labelled(docker)).stream().noneMatch(seen::contains));
            }
            catch (ConditionTimeoutException e) {
                // The assertion below names the leftovers.
            }

            assertThat(labelled(docker)).filteredOn(container -> seen.contains(container.getId()))
                    .extracting(container -> container.getLabels().get(ContainerSpec.CHAIN_LABEL) + " trial "
                            + container.getLabels().get(ContainerSpec.TRIAL_LABEL) + ": " + container.getStatus())
                    .isEmpty();
        }
    }

    /** No shared workspace volume of a study outlives the suite either (the same rule as for containers). */
    @Test
    void shouldLeaveNoSharedVolumeBehind() throws IOException {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            Set<String> seen = new java.util.HashSet<>(sharedVolumes(docker));
            try {
                Awaitility.await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> sharedVolumes(docker).stream().noneMatch(seen::contains));
            }
            catch (ConditionTimeoutException e) {
                // The assertion below names the leftovers.
            }

            assertThat(sharedVolumes(docker)).filteredOn(seen::contains).isEmpty();
        }
    }

    private static List<String> sharedVolumes(final DockerClient docker) {
        var volumes = docker.listVolumesCmd().withFilter("label", List.of(SharedVolumes.CREATED_LABEL)).exec()
                .getVolumes();
        return volumes == null ? List.of() : volumes.stream().map(volume -> volume.getName()).toList();
    }

    private static List<Container> labelled(final DockerClient docker) {
        return docker.listContainersCmd().withShowAll(true).withLabelFilter(List.of(ContainerSpec.CHAIN_LABEL)).exec();
    }

    private static Set<String> ids(final List<Container> containers) {
        return containers.stream().map(Container::getId).collect(Collectors.toSet());
    }
}
