package io.jenkins.plugins.mlops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration layers and validation: the user learns the key and the fix before anything runs. */
class ConfigLoaderTest {
    @TempDir
    Path workspace;

    /** Without any file the documented defaults apply. */
    @Test
    void shouldUseTheDocumentedDefaults() {
        MlopsConfig config = ConfigLoader.load(workspace);

        assertThat(config.objective().target()).isEqualTo(0.90);
        assertThat(config.objective().metric()).isEqualTo("accuracy");
        assertThat(config.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(config.study().budget().maxTrials()).isEqualTo(10);
        assertThat(config.study().budget().maxFailedTrials()).isEqualTo(3);
        assertThat(config.study().mode()).isEqualTo(Mode.IN_BUILD);
        assertThat(config.train().timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(config.train().memoryBytes()).isEqualTo(4L << 30);
        assertThat(config.train().network()).isEqualTo("none");
        assertThat(config.train().artifacts()).contains("*.pt", "*.joblib");
        assertThat(config.publish().branch()).isEqualTo("mlops/models");
        assertThat(config.metricFile()).isEqualTo("accuracy.txt");
        assertThat(config.study().hasSearchSpace()).isFalse();
    }

    /** mlops.yml < --config file < options. */
    @Test
    void shouldLayerRepoFileConfigFileAndOptions() throws IOException {
        write("mlops.yml", """
                entry: src/train.py
                target: 0.8
                max_trials: 5
                train:
                  memory: 2g
                  timeout: 30m
                search_space:
                  hidden_units: {type: int, low: 2, high: 64}
                """);
        Path extra = write("ci.yml", "target: 0.85\ntrain:\n  network: bridge\n");

        MlopsConfig config = ConfigLoader.load(workspace, extra, Overrides.builder().maxTrials(7).build(),
                OperatorPolicy.DEFAULT);

        assertThat(config.entry()).isEqualTo("src/train.py");
        assertThat(config.objective().target()).isEqualTo(0.85);
        assertThat(config.study().budget().maxTrials()).isEqualTo(7);
        assertThat(config.train().memoryBytes()).isEqualTo(2L << 30);
        assertThat(config.train().timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.train().network()).isEqualTo("bridge");
        assertThat(config.study().searchSpace()).containsKey("hidden_units");
    }

    /** Option > --config file > mlops.yml > operator default > built-in default, and each value says where from. */
    @Test
    void shouldApplyThePrecedenceAndTellTheOrigin() throws IOException {
        write("mlops.yml", "target: 0.8\nmax_trials: 5\nmode: via-git\n");
        Path extra = write("ci.yml", "max_trials: 6\nmode: in-build\n");
        OperatorPolicy operator = OperatorPolicy.builder().defaults(Overrides.builder().target(0.7).maxTrials(3)
                .timeout(Duration.ofMinutes(20)).build()).build();

        MlopsConfig config = ConfigLoader.load(workspace, extra, Overrides.builder().mode("via-git").build(),
                operator);

        assertThat(config.study().mode()).isEqualTo(Mode.VIA_GIT);
        assertThat(config.origin("mode")).isEqualTo(ConfigOrigin.OPTION);
        assertThat(config.study().budget().maxTrials()).isEqualTo(6);
        assertThat(config.origin("max_trials")).isEqualTo(ConfigOrigin.CONFIG_FILE);
        assertThat(config.objective().target()).isEqualTo(0.8);
        assertThat(config.origin("target")).isEqualTo(ConfigOrigin.REPOSITORY);
        assertThat(config.train().timeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(config.origin("train.timeout")).isEqualTo(ConfigOrigin.OPERATOR);
        assertThat(config.study().parallel()).isEqualTo(1);
        assertThat(config.origin("parallel")).isEqualTo(ConfigOrigin.BUILT_IN);
    }

    /** A misspelt key is rejected with the file, the key and a suggestion. */
    @Test
    void shouldRejectUnknownKeysWithASuggestion() throws IOException {
        write("mlops.yml", "targett: 0.9\n");

        assertThatThrownBy(() -> ConfigLoader.load(workspace))
                .isInstanceOfSatisfying(MlopsException.class, e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("mlops.yml")
                .hasMessageContaining("unknown key 'targett'")
                .hasMessageContaining("did you mean 'target'");
    }

    /** Impossible values name the key and what would be right. */
    @Test
    void shouldRejectImpossibleValues() throws IOException {
        assertRejected("target: '1.7'", "'target' is '1.7'", "at most 1");
        assertRejected("target: 90", "'target'", "write 0.9 for 90.0%");
        assertRejected("max_trials: 0", "'max_trials' is '0'", "whole number from 1");
        assertRejected("max_trials: many", "'max_trials' is 'many'", "whole number");
        assertRejected("train: {timeout: soon}", "'train.timeout'", "90s, 30m, 2h");
        assertRejected("train: {memory: lots}", "'train.memory'", "512m, 4g");
        assertRejected("mode: nightly", "'mode' is 'nightly'", "in-build, via-git");
        assertRejected("train: {gpus: maybe}", "'train.gpus'", "true or false");
        assertThatThrownBy(() -> ConfigLoader.load(workspace, null, Overrides.builder().maxTrials(0).build(),
                OperatorPolicy.DEFAULT)).hasMessageContaining("option: 'max_trials' is '0'");
    }

    /**
     * Issue 13.11: huge numbers, NaN and infinities, a mount point the container needs, a huge or non-UTF-8 file:
     * each is exit 2 naming the key (or the file), never a wrapped value, an exception of the JDK or a long wait.
     * Before the fix max_trials 4294967297 became 1, a 20-digit timeout threw ArithmeticException, /proc reached
     * Docker, and the file errors said "not valid YAML" or "Input length = 1".
     */
    @Test
    void shouldRejectHostileValues() throws IOException {
        assertRejected("max_trials: 4294967297", "'max_trials' is '4294967297'", "from 1 to 1000");
        assertRejected("seed: 99999999999999999999", "'seed'", "whole number");
        assertRejected("parallel: 1.5", "'parallel'", "whole number");
        assertRejected("max_failed_trials: .inf", "'max_failed_trials'", "whole number");
        assertRejected("train: {timeout: 99999999999999999999s}", "'train.timeout'", "at most 720h");
        assertRejected("train: {timeout: 9999999999999999h}", "'train.timeout'", "at most 720h");
        assertRejected("train: {memory: 99999999999g}", "'train.memory'", "at most 1024g");
        assertRejected("target: .nan", "'target'");
        assertRejected("target: .inf", "'target'");
        assertRejected("train: {cpus: .nan}", "'train.cpus'");
        for (String mount : List.of("/workspace", "/workspace/data", "/proc", "/", "data", "/data/../proc", "/mlops",
                "/mlops/shared")) {
            assertRejected("train: {dataset_mount: '" + mount + "'}", "'train.dataset_mount'", "not /, /workspace");
        }
        write("mlops.yml", "# " + "x".repeat(ConfigLoader.MAX_FILE_BYTES) + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(workspace)).hasMessageContaining("larger than 64 KiB");
        Files.write(workspace.resolve("mlops.yml"), new byte[] {'t', 'a', 'r', 'g', 'e', 't', ':', ' ', (byte) 0xff});
        assertThatThrownBy(() -> ConfigLoader.load(workspace)).hasMessageContaining("not UTF-8");
    }

    /** An empty file, or one of only comments, is no configuration rather than broken YAML. */
    @Test
    void shouldAcceptAnEmptyFile() throws IOException {
        write("mlops.yml", "");
        assertThat(ConfigLoader.load(workspace).study().budget().maxTrials()).isEqualTo(10);
        write("mlops.yml", "# nothing yet\n");
        assertThat(ConfigLoader.load(workspace).train().datasetMount()).isEqualTo("/data");
    }

    /** A loss target may be above 1 when minimising. */
    @Test
    void shouldAcceptALossTargetWhenMinimising() {
        MlopsConfig config = ConfigLoader.load(workspace, null, Overrides.builder().metric("loss")
                .direction(Direction.MINIMIZE).target(1.5).build(), OperatorPolicy.DEFAULT);

        assertThat(config.objective().target()).isEqualTo(1.5);
        assertThat(config.direction()).isEqualTo(Direction.MINIMIZE);
    }

    /** Broken YAML, a list at the top and a value where a section belongs are clear errors. */
    @Test
    void shouldRejectMalformedFiles() throws IOException {
        write("mlops.yml", "target: [0.9\n");
        assertThatThrownBy(() -> ConfigLoader.load(workspace)).hasMessageContaining("not valid YAML");

        write("mlops.yml", "- target\n");
        assertThatThrownBy(() -> ConfigLoader.load(workspace)).hasMessageContaining("must be a YAML mapping");

        write("mlops.yml", "target:\n  value: 0.9\n");
        assertThatThrownBy(() -> ConfigLoader.load(workspace)).hasMessageContaining("'target' is a section");

        write("mlops.yml", "search_space: [a, b]\n");
        assertThatThrownBy(() -> ConfigLoader.load(workspace)).hasMessageContaining("'search_space'");
    }

    /** A --config path that does not exist is named. */
    @Test
    void shouldRejectAMissingConfigFile() {
        assertThatThrownBy(() -> ConfigLoader.load(workspace, workspace.resolve("nope.yml"), Overrides.NONE,
                OperatorPolicy.DEFAULT))
                .hasMessageContaining("nope.yml does not exist");
    }

    /** Lists come as YAML lists or comma-separated words. */
    @Test
    void shouldReadListsBothWays() throws IOException {
        write("mlops.yml", "train:\n  artifacts: [\"*.bin\"]\n");
        MlopsConfig config = ConfigLoader.load(workspace, null,
                Overrides.builder().recipients("a@example.com, b@example.com").build(), OperatorPolicy.DEFAULT);

        assertThat(config.mail().to()).containsExactly("a@example.com", "b@example.com");
        assertThat(config.train().artifacts()).containsExactly("*.bin");
    }

    private void assertRejected(final String yaml, final String... fragments) throws IOException {
        write("mlops.yml", yaml + "\n");
        assertThatThrownBy(() -> ConfigLoader.load(workspace))
                .isInstanceOf(MlopsException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    private Path write(final String name, final String content) throws IOException {
        return Files.writeString(workspace.resolve(name), content);
    }
}
