package io.jenkins.plugins.mlops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

        assertThat(config.study().target()).isEqualTo(0.90);
        assertThat(config.study().metric()).isEqualTo("accuracy");
        assertThat(config.direction()).isEqualTo(Direction.MAXIMIZE);
        assertThat(config.maxTrials()).isEqualTo(10);
        assertThat(config.maxFailedTrials()).isEqualTo(3);
        assertThat(config.mode()).isEqualTo(MlopsConfig.IN_BUILD);
        assertThat(config.train().timeout()).isEqualTo(Duration.ofHours(2));
        assertThat(config.train().memoryBytes()).isEqualTo(4L << 30);
        assertThat(config.train().network()).isEqualTo("none");
        assertThat(config.train().artifacts()).contains("*.pt", "*.joblib");
        assertThat(config.publish().branch()).isEqualTo("mlops/models");
        assertThat(config.metricFile()).isEqualTo("accuracy.txt");
        assertThat(config.hasSearchSpace()).isFalse();
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

        MlopsConfig config = ConfigLoader.load(workspace, extra, Map.of("max_trials", "7"));

        assertThat(config.entry()).isEqualTo("src/train.py");
        assertThat(config.study().target()).isEqualTo(0.85);
        assertThat(config.maxTrials()).isEqualTo(7);
        assertThat(config.train().memoryBytes()).isEqualTo(2L << 30);
        assertThat(config.train().timeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.train().network()).isEqualTo("bridge");
        assertThat(config.searchSpace()).containsKey("hidden_units");
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
    void shouldRejectImpossibleValues() {
        assertRejected(Map.of("target", "1.7"), "'target' is '1.7'", "at most 1");
        assertRejected(Map.of("target", "90"), "'target'", "write 0.9 for 90.0%");
        assertRejected(Map.of("max_trials", "0"), "'max_trials' is '0'", "whole number from 1");
        assertRejected(Map.of("max_trials", "many"), "'max_trials' is 'many'", "whole number");
        assertRejected(Map.of("train.timeout", "soon"), "'train.timeout'", "90s, 30m, 2h");
        assertRejected(Map.of("train.memory", "lots"), "'train.memory'", "512m, 4g");
        assertRejected(Map.of("mode", "nightly"), "'mode' is 'nightly'", "in-build, via-git");
        assertRejected(Map.of("train.gpus", "maybe"), "'train.gpus'", "true or false");
    }

    /** A loss target may be above 1 when minimising. */
    @Test
    void shouldAcceptALossTargetWhenMinimising() {
        MlopsConfig config = ConfigLoader.load(workspace, null,
                Map.of("metric", "loss", "direction", "minimize", "target", "1.5"));

        assertThat(config.study().target()).isEqualTo(1.5);
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
        assertThatThrownBy(() -> ConfigLoader.load(workspace, workspace.resolve("nope.yml"), Map.of()))
                .hasMessageContaining("nope.yml does not exist");
    }

    /** Lists come as YAML lists or comma-separated words. */
    @Test
    void shouldReadListsBothWays() {
        MlopsConfig config = ConfigLoader.load(workspace, null,
                Map.of("notify.to", "a@example.com, b@example.com", "train.artifacts", List.of("*.bin")));

        assertThat(config.mail().to()).containsExactly("a@example.com", "b@example.com");
        assertThat(config.train().artifacts()).containsExactly("*.bin");
    }

    private void assertRejected(final Map<String, Object> options, final String... fragments) {
        assertThatThrownBy(() -> ConfigLoader.load(workspace, null, options))
                .isInstanceOf(MlopsException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    private Path write(final String name, final String content) throws IOException {
        return Files.writeString(workspace.resolve(name), content);
    }
}
