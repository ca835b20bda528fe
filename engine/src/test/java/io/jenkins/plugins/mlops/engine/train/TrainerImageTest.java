package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine knows about an image before it runs it. */
class TrainerImageTest {
    /** Our own images have their Dockerfile folder, and the jar ships those Dockerfiles; others have none. */
    @Test
    void shouldKnowTheDockerfileOfOurImages() {
        assertThat(ProjectDockerfile.folderOf("mlops/sklearn:0.1")).contains("Dockerfiles/sklearn");
        assertThat(ProjectDockerfile.folderOf("mlops/pytorch:0.1")).contains("Dockerfiles/pytorch");
        assertThat(ProjectDockerfile.folderOf("someone/else:1")).isEmpty();
        assertThat(ProjectDockerfile.forImage("someone/else:1")).isEmpty();

        ProjectDockerfile sklearn = ProjectDockerfile.forImage("mlops/sklearn:0.1").orElseThrow();
        assertThat(sklearn.baseImage()).isEqualTo("debian:bookworm-slim");
        assertThat(sklearn.buildMinutes()).hasValue(2);
        assertThat(sklearn.selfContained()).isTrue();
        assertThat(ProjectDockerfile.forImage("mlops/pytorch:0.1").orElseThrow().buildMinutes()).hasValue(6);
    }

    /** A Dockerfile that copies files from its folder cannot be built from the Dockerfile alone. */
    @Test
    void shouldTellWhetherTheDockerfileNeedsItsFolder() {
        assertThat(new ProjectDockerfile("Dockerfiles/x", "FROM a\nCOPY wheels /wheels\n").selfContained()).isFalse();
        assertThat(new ProjectDockerfile("Dockerfiles/x", "FROM a\n# no COPY here\nRUN true\n").selfContained())
                .isTrue();
        assertThat(new ProjectDockerfile("Dockerfiles/x", "# header\nFROM b:1 AS build\n").baseImage())
                .isEqualTo("b:1");
    }

    /** An image declares a variable only when its ENV sets exactly that name. */
    @Test
    void shouldTellWhichVariablesTheImageSets() {
        TrainerImage image = new TrainerImage("img", "sha256:1", null, null, List.of("HOME=/tmp", "HOMEPAGE=x"));

        assertThat(image.declares("HOME")).isTrue();
        assertThat(image.declares("PATH")).isFalse();
        assertThat(new TrainerImage("img", "sha256:1", null, null, List.of("HOMEPAGE=x")).declares("HOME")).isFalse();
    }
}
