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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Keras trainer image. It is built from Docker Hub's python:3.12-slim with keras and tensorflow-cpu from PyPI,
 * which the project's own machines do not reach: there the test is skipped with the command to build the image
 * elsewhere. Where both are reachable it builds the image and imports keras as the non-root user.
 */
@RequiresDocker
class KerasImageIT {
    private static final String IMAGE = "mlops/keras:0.1";
    private static final Path DOCKERFILE_DIR = Path.of("..", "Dockerfiles", "keras").toAbsolutePath().normalize();

    @TempDir
    private Path workspace;

    /** keras imports as a non-root user in the Keras image. */
    @Test
    void shouldImportKerasAsANonRootUser() throws IOException, InterruptedException {
        Assumptions.assumeTrue(docker(60, "image", "inspect", IMAGE) == 0
                        || docker(30, "pull", "python:3.12-slim") == 0,
                "The Keras image cannot be built here: it needs Docker Hub (python:3.12-slim) and PyPI (keras, "
                        + "tensorflow-cpu). Build it where you have internet access: docker build -t " + IMAGE + " "
                        + DOCKERFILE_DIR);
        assertThat(docker(1800, "build", "-q", "-t", IMAGE, DOCKERFILE_DIR.toString())).isZero();
        Files.writeString(workspace.resolve("train.py"), "import os, keras\nprint('uid', os.getuid(), keras.__version__)\n");
        List<String> lines = new ArrayList<>();
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            TrainingResult result = trainer.train(TrainingRequest.builder(workspace, IMAGE, "train.py")
                    .run("keras-image-it", 1).build(), new TrainingOutput() {
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
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("uid 1000 3."));
    }

    private static int docker(final int timeoutSeconds, final String... args) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            return -1;
        }
        return process.exitValue();
    }
}
