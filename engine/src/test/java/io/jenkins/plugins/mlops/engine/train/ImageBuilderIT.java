package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Real image builds on the real daemon: our own images on demand, with progress in the run's log. */
@RequiresDocker
class ImageBuilderIT {
    private final String tag = "mlops-it/on-demand:" + Long.toHexString(System.nanoTime());
    private final List<String> lines = new ArrayList<>();
    private final RunLog log = new RunLog((error, line) -> {
        synchronized (lines) {
            lines.add(line);
        }
    });
    private DockerClient docker;

    @BeforeEach
    void connect() {
        docker = DockerClientFactory.fromEnvironment().open(Duration.ZERO);
    }

    /** Only our tag goes: an image that is also mlops/sklearn:0.1 (the daemon's build cache) is merely untagged. */
    @AfterEach
    void removeTag() throws IOException {
        try {
            docker.removeImageCmd(tag).exec();
        }
        catch (NotFoundException e) {
            // not built: nothing to remove
        }
        docker.close();
    }

    /** The shipped scikit-learn Dockerfile builds (from the daemon's cache here), saying once how long it takes. */
    @Test
    void shouldBuildOurOwnImageFromTheShippedDockerfile() {
        ProjectDockerfile sklearn = ProjectDockerfile.forImage(TrainingFixture.SKLEARN).orElseThrow();

        new ImageBuilder(docker, BuildProgress.EVERY).fromDockerfile(tag, sklearn, log);

        assertThat(docker.inspectImageCmd(tag).exec().getConfig().getUser()).isEqualTo("1000:1000");
        assertThat(lines.get(0)).isEqualTo("The image " + tag + " is not on the Docker host: building it once from "
                + "Dockerfiles/sklearn/Dockerfile (about 2 min on 2 cores; later runs reuse it)");
        assertThat(lines).anyMatch(line -> line.startsWith("[docker build] Step 1/"))
                .anyMatch(line -> line.startsWith("Built " + tag + " in "));
    }

    /** A step that stays silent still gets a line with the time, the step and its latest output, every period. */
    @Test
    void shouldSayHowFarASilentStepIs() {
        ProjectDockerfile slow = new ProjectDockerfile("Dockerfiles/slow", "FROM debian:bookworm-slim\n"
                + "RUN echo unpacking python3-torch && sleep 4\n");

        new ImageBuilder(docker, Duration.ofMillis(800)).fromDockerfile(tag, slow, log);

        List<String> ticks = lines.stream().filter(line -> line.startsWith("[docker build] " + tag + ": ")).toList();
        assertThat(ticks).hasSizeGreaterThanOrEqualTo(2)
                .anyMatch(line -> line.matches(".*: \\d+s, Step 2/2, unpacking python3-torch"));
    }

    /** Without its base image the engine does not try a pull that cannot work: it names the script that makes it. */
    @Test
    void shouldNameTheScriptWhenTheBaseImageIsMissing() {
        ProjectDockerfile orphan = new ProjectDockerfile("Dockerfiles/sklearn", "FROM mlops-it/no-base:0\n");

        assertThatThrownBy(() -> new ImageBuilder(docker, BuildProgress.EVERY).fromDockerfile(tag, orphan, log))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("nor its base image mlops-it/no-base:0")
                .hasMessageContaining("scripts/build-images.sh sklearn");
    }

    /** A Dockerfile that needs files of its folder is not built from the jar: the message names the script. */
    @Test
    void shouldNameTheScriptForADockerfileNeedingItsFolder() {
        ProjectDockerfile wheels = new ProjectDockerfile("Dockerfiles/keras",
                "FROM debian:bookworm-slim\nCOPY wheels /wheels\n");

        assertThatThrownBy(() -> new ImageBuilder(docker, BuildProgress.EVERY).fromDockerfile(tag, wheels, log))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("build it with scripts/build-images.sh keras");
    }
}
