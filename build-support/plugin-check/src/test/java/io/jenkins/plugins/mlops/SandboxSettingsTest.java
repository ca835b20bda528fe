package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container settings the CLI takes from MLOPS_ALLOW_ROOT and MLOPS_COPY_BACK_MAX_FILE/_TOTAL are typed settings
 * of the global configuration and reach the training on the agent. Under Jenkins the engine's defaults used to apply
 * whatever the administrator wanted, since the plugin had no such settings.
 */
class SandboxSettingsTest {
    private static final String SCRIPT = """
            import sklearn
            open("model.pkl", "wb").write(b"x" * 4096)
            open("accuracy.txt", "w").write("0.5\\n")
            """;

    @TempDir
    private Path dir;

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
                .contains("model.pkl", "above the per-file limit of 1024 bytes"));
        assertThat(Files.size(usual.resolve("model.pkl"))).isEqualTo(4096);
    }

    /** The form's sizes: empty is not set, a size is bytes, anything else is refused naming the field. */
    @Test
    void shouldReadTheSizesOfTheForm() {
        assertThat(RepositoryPolicy.optionalSize("Largest file copied back", " ")).isNull();
        assertThat(RepositoryPolicy.optionalSize("Largest file copied back", "512m")).isEqualTo(512L << 20);
        assertThatThrownBy(() -> RepositoryPolicy.optionalSize("Largest file copied back", "lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Largest file copied back");
        assertThatThrownBy(() -> RepositoryPolicy.optionalSize("Most bytes copied back per trial", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Most bytes copied back");
    }

    private Path trained(final EngineSettings.Sandbox sandbox, final RunLog log) throws IOException {
        Path workspace = Files.createDirectories(dir.resolve(sandbox.maxFileBytes() == null ? "usual" : "small"));
        Files.writeString(workspace.resolve("train.py"), SCRIPT);
        EngineSettings settings = new EngineSettings("", false, "", Map.of(), OperatorPolicy.DEFAULT, sandbox, "",
                false);
        EngineCalls.run(new StepOrder.Detect(""), settings, workspace, log);

        StepOutcome trained = EngineCalls.run(new StepOrder.Train("", 5), settings, workspace, log);

        assertThat(trained.isFailed()).as(trained.failure()).isFalse();
        return workspace;
    }
}
