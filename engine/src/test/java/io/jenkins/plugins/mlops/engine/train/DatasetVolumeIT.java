package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset volume must exist: Docker would otherwise create an empty one and leave it behind (issue 13.2). */
@RequiresDocker
class DatasetVolumeIT {
    @TempDir
    private Path workspace;

    /** An unknown volume is an input error naming it, and no volume is created. */
    @Test
    void shouldRefuseAnUnknownVolumeWithoutCreatingIt() throws IOException {
        String volume = "mlops-missing-" + UUID.randomUUID();
        TrainingFixture fixture = new TrainingFixture(workspace).script("print('trained')\n");

        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            assertThatThrownBy(() -> trainer.train(fixture.request(TrainingFixture.SKLEARN)
                    .dataset(volume, "/data").build(), fixture.output(), new RunLog()))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("'" + volume + "' does not exist");
        }
        finally {
            assertThat(removeIfPresent(volume)).as("volume %s was created", volume).isFalse();
        }
        assertThat(fixture.stdout).isEmpty();
        assertThat(fixture.containers()).isEmpty();
    }

    private static boolean removeIfPresent(final String volume) throws IOException {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            docker.inspectVolumeCmd(volume).exec();
            docker.removeVolumeCmd(volume).exec();
            return true;
        }
        catch (NotFoundException e) {
            return false;
        }
    }
}
