package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.MountType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Keras dataset cache goes read-only into images that ask for it, and only there. */
class KerasDatasetsTest {
    private static final TrainerImage KERAS = new TrainerImage("mlops/keras:0.1", "sha256:1", null, "1000:1000",
            List.of("HOME=/tmp", "MLOPS_KERAS_DATASETS_DIR=/mlops/keras-datasets"));
    private static final TrainerImage SKLEARN = new TrainerImage("mlops/sklearn:0.1", "sha256:2", null, "1000:1000",
            List.of("HOME=/tmp"));

    @TempDir
    private Path cache;

    /** An image declaring the cache variable gets the folder read-only at that path, and its host path. */
    @Test
    void shouldMountTheCacheReadOnlyWhereTheImageAsks() {
        TrainingRequest request = TrainingRequest.builder(cache, "mlops/keras:0.1", "train.py").build();
        ContainerSpec spec = new ContainerSpec(request, KERAS, false, new KerasDatasets(cache));

        assertThat(spec.hostConfig().getMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getType()).isEqualTo(MountType.BIND);
            assertThat(mount.getReadOnly()).isTrue();
            assertThat(mount.getSource()).isEqualTo(cache.toAbsolutePath().toString());
            assertThat(mount.getTarget()).isEqualTo("/mlops/keras-datasets");
        });
        assertThat(spec.env()).contains("MLOPS_KERAS_DATASETS_SOURCE=" + cache.toAbsolutePath());
    }

    /** Other images, and a cache folder that does not exist, mount nothing. */
    @Test
    void shouldMountNothingElsewhere() {
        TrainingRequest request = TrainingRequest.builder(cache, "img", "train.py").build();

        assertThat(new ContainerSpec(request, SKLEARN, false, new KerasDatasets(cache)).hostConfig().getMounts())
                .isEmpty();
        assertThat(new ContainerSpec(request, KERAS, false, new KerasDatasets(cache.resolve("absent"))).hostConfig()
                .getMounts()).isEmpty();
        assertThat(new KerasDatasets(cache.resolve("absent")).env(KERAS)).isEmpty();
    }

    /** MLOPS_KERAS_DATASETS names the folder; without it, ~/.mlops/keras-datasets. */
    @Test
    void shouldTakeTheFolderFromTheEnvironment() {
        assertThat(KerasDatasets.fromEnvironment(Map.of("MLOPS_KERAS_DATASETS", "/srv/keras")).folder())
                .isEqualTo(Path.of("/srv/keras"));
        assertThat(KerasDatasets.fromEnvironment(Map.of()).folder())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".mlops", "keras-datasets"));
    }
}
