package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ChainState;
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
 * The container settings of the global configuration reach the training on the agent, against the real dockerd:
 * the trainer image per framework in mlopsLoop (which detects in the chain; it used to train in the tool's own image
 * whatever the administrator had set, since only the single train step looked the image up), and the copy-back
 * limits the CLI takes from MLOPS_COPY_BACK_MAX_FILE/_TOTAL (under Jenkins the engine's defaults applied, since the
 * plugin had no such settings).
 */
class ContainerSettingsIT {
    private static final String SCRIPT = """
            from sklearn.linear_model import LogisticRegression
            model = LogisticRegression().fit([[0], [1]], [0, 1])
            open("model.pkl", "wb").write(b"x" * 4096)
            open("accuracy.txt", "w").write("0.5\\n")
            """;

    @TempDir
    private Path dir;

    private final RunLog log = new RunLog();

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

            OperatorPolicy policy = OperatorPolicy.builder().trainerImages(Map.of(Framework.SKLEARN, image)).build();

            StepOutcome outcome = EngineCalls.run(loop, settings(policy, EngineSettings.Sandbox.DEFAULT),
                    dir.resolve("ws"), log);

            ChainState state = outcome.state();
            assertThat(state.detection().image()).isEqualTo(image);
            assertThat(state.trials()).singleElement().satisfies(trial -> assertThat(trial.metric()).isEqualTo(0.5));
            assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("in " + image));
        }
        finally {
            docker("rmi", image);
        }
    }

    /** A file above the configured per-file limit stays in the container; the log names the limit. */
    @Test
    void shouldApplyTheConfiguredCopyBackLimit() throws IOException {
        RunLog limited = new RunLog();
        RunLog unlimited = new RunLog();

        Path small = trained(new EngineSettings.Sandbox(false, 1024L, null), limited);
        Path usual = trained(EngineSettings.Sandbox.DEFAULT, unlimited);

        assertThat(Files.readString(small.resolve("accuracy.txt")).trim()).isEqualTo("0.5");
        assertThat(small.resolve("model.pkl")).doesNotExist();
        assertThat(limited.getErrorMessages()).anySatisfy(line -> assertThat(line)
                .contains("model.pkl", "above the per-file limit of 1024 bytes", "Largest file copied back"));
        assertThat(Files.size(usual.resolve("model.pkl"))).isEqualTo(4096);
    }

    private static EngineSettings settings(final OperatorPolicy policy, final EngineSettings.Sandbox sandbox) {
        return new EngineSettings("", false, "", Map.of(), policy, sandbox, "", false);
    }

    private Path trained(final EngineSettings.Sandbox sandbox, final RunLog log) throws IOException {
        Path workspace = Files.createDirectories(dir.resolve(sandbox.maxFileBytes() == null ? "usual" : "small"));
        Files.writeString(workspace.resolve("train.py"), SCRIPT);
        EngineSettings settings = settings(OperatorPolicy.DEFAULT, sandbox);
        EngineCalls.run(new StepOrder.Detect(""), settings, workspace, log);

        StepOutcome trained = EngineCalls.run(new StepOrder.Train("", 5), settings, workspace, log);

        assertThat(trained.isFailed()).as(trained.failure()).isFalse();
        return workspace;
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
