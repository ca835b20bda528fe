package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer image per framework of the global configuration applies wherever the framework is detected, and an
 * image of the step or of mlops.yml still beats it. {@link ContainerSettingsIT} trains a loop in it.
 */
class TrainerImagesTest {
    private static final String SCRIPT = """
            from sklearn.linear_model import LogisticRegression
            model = LogisticRegression().fit([[0], [1]], [0, 1])
            """;

    @TempDir
    private Path dir;

    private final RunLog log = new RunLog();

    /** Detected as scikit-learn: the administrator's scikit-learn image, not the tool's. */
    @Test
    void shouldDetectWithTheConfiguredImage() throws IOException {
        Files.writeString(dir.resolve("train.py"), SCRIPT);

        StepOutcome detected = EngineCalls.run(new StepOrder.Detect(""), settings("registry.example.com/sk:7"), dir,
                log);

        assertThat(detected.state().detection().image()).isEqualTo("registry.example.com/sk:7");
    }

    /** An image the repository names (and the policy allows) still beats the administrator's per-framework one. */
    @Test
    void shouldPreferTheImageOfMlopsYml() throws IOException {
        Files.writeString(dir.resolve("train.py"), SCRIPT);
        Files.writeString(dir.resolve("mlops.yml"), "image: mlops/sklearn:0.1\n");

        StepOutcome detected = EngineCalls.run(new StepOrder.Detect(""), settings("registry.example.com/sk:7"), dir,
                log);

        assertThat(detected.state().detection().image()).isEqualTo("mlops/sklearn:0.1");
    }

    private static EngineSettings settings(final String sklearnImage) {
        return new EngineSettings("", false, "", Map.of(),
                OperatorPolicy.builder().trainerImages(Map.of(Framework.SKLEARN, sklearnImage)).build(),
                EngineSettings.Sandbox.DEFAULT, "", false);
    }
}
