package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the engine knows about an image before it runs it. */
class TrainerImageTest {
    /** Our own images name their Dockerfile folder in the build command; others get a placeholder. */
    @Test
    void shouldKnowTheDockerfileFolderOfOurImages() {
        assertThat(TrainerImage.knownDockerfileDir("mlops/sklearn:0.1")).isEqualTo("Dockerfiles/sklearn");
        assertThat(TrainerImage.knownDockerfileDir("mlops/pytorch:0.1")).isEqualTo("Dockerfiles/pytorch");
        assertThat(TrainerImage.knownDockerfileDir("someone/else:1")).isEqualTo("DIR_WITH_DOCKERFILE");
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
