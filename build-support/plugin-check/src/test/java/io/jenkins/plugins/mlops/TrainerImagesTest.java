package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trainer image per framework of the global configuration applies wherever the framework is detected: in
 * {@code mlopsDetect} and inside {@code mlopsLoop}, which detects in the chain on the agent. The loop used to train in
 * the tool's own image whatever the administrator had set, since only the single train step looked the image up.
 */
class TrainerImagesTest {
    private static final String SCRIPT = """
            import sklearn
            open("accuracy.txt", "w").write("0.5\\n")
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

    /** mlopsLoop trains in the administrator's image: a tag of the scikit-learn image that only this test has. */
    @Test
    void shouldTrainTheLoopInTheConfiguredImage() throws Exception {
        String image = "mlops-test/sklearn-configured:" + UUID.randomUUID().toString().substring(0, 8);
        docker("tag", "mlops/sklearn:0.1", image);
        try {
            String url = LocalRepositories.createBare(dir.resolve("model.git"), "main",
                    Map.of("train.py", SCRIPT.getBytes(StandardCharsets.UTF_8)), "model", "Dana", "dana@example.com");
            StepOrder.Loop loop = new StepOrder.Loop(new StepOrder.Fetch(url, "main", GitCredentials.NONE),
                    new StepOrder.Train("", 5), new StepOrder.Check("accuracy", 0.1),
                    new StepOrder.Tweak("in-build", 1, GitCredentials.NONE), new StepOrder.Notify(""),
                    new StepOrder.Publish("", "mlops/models", GitCredentials.NONE));

            StepOutcome outcome = EngineCalls.run(loop, settings(image), dir.resolve("ws"), log);

            RunState state = outcome.state();
            assertThat(state.detection().image()).isEqualTo(image);
            assertThat(state.trials()).singleElement().satisfies(trial -> assertThat(trial.metric()).isEqualTo(0.5));
            assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("in " + image));
        }
        finally {
            docker("rmi", image);
        }
    }

    private static EngineSettings settings(final String sklearnImage) {
        return new EngineSettings("", false, "", Map.of(),
                OperatorPolicy.builder().trainerImages(Map.of(Framework.SKLEARN, sklearnImage)).build(),
                EngineSettings.Sandbox.DEFAULT, "", false);
    }

    private static void docker(final String... arguments) throws IOException, InterruptedException {
        String[] command = new String[arguments.length + 1];
        command[0] = "docker";
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }
}
