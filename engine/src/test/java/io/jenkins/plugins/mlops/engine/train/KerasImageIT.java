package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keras trainer image: built by scripts/build-images.sh without Docker Hub (from the local base image, and
 * wheels from PyPI or the wheelhouse) when it is missing, used as it is when present; Keras 3 on TensorFlow imports
 * in it as the non-root user, with the Keras dataset cache's variable declared.
 */
@RequiresDocker
class KerasImageIT {
    private static final String IMAGE = "mlops/keras:0.1";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    private Path workspace;

    /** keras 3 and tensorflow import as uid 1000; the image declares where it reads the Keras dataset cache. */
    @Test
    void shouldImportKerasAsANonRootUser() throws IOException, InterruptedException {
        if (docker(60, "image", "inspect", IMAGE) != 0) {
            // What a fresh machine does (scripts/setup.sh runs it): no registry and no network inside the build.
            assertThat(run(3600, true, ROOT.resolve("scripts/build-images.sh").toString(), "keras")).isZero();
        }
        Files.writeString(workspace.resolve("train.py"), """
                import os, keras, tensorflow, sklearn, h5py
                print("uid", os.getuid(), keras.__version__, keras.backend.backend(), os.environ["MLOPS_KERAS_DATASETS_DIR"])
                """);
        List<String> lines = new ArrayList<>();
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            TrainingResult result = trainer.train(TrainingRequest.builder(workspace, IMAGE, "train.py")
                    .trial("keras-image-it", 1).build(), new TrainingOutput() {
                        @Override
                        public void stdout(final String line) {
                            lines.add(line);
                        }

                        @Override
                        public void stderr(final String line) {
                            lines.add(line);
                        }
                    }, new RunLog());
            assertThat(result.state()).as(String.join("\n", lines)).isEqualTo(TrialState.COMPLETE);
        }
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("uid 1000 3\\.\\S+ tensorflow /mlops/keras-datasets"));
    }

    private static int docker(final int timeoutSeconds, final String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return run(timeoutSeconds, false, command.toArray(String[]::new));
    }

    private static int run(final int timeoutSeconds, final boolean showOutput, final String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Process process = (showOutput ? builder.inheritIO() : builder.redirectOutput(ProcessBuilder.Redirect.DISCARD))
                .start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }
}
