package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one tweaker factory of the study, ask/tell and the tweak step picks by strategy and refuses what cannot work. */
class TweakersTest {
    private static final String SPACE = """
            search_space:
              hidden_units: {type: int, low: 2, high: 64}
            """;
    private static final ModelType MLP = new ModelType(Framework.SKLEARN, Architecture.ANN);

    @TempDir
    Path workspace;

    /** auto with a declared search space samples it: independent trials, the first one sampled too. */
    @Test
    void shouldSampleTheSearchSpaceWhenOneIsDeclared() throws IOException {
        MlopsConfig config = config(SPACE);

        assertThat(Tweakers.usesSearchSpace(config)).isTrue();
        Tweaker tweaker = Tweakers.of(config, MLP);
        assertThat(tweaker.parallelizable()).isTrue();
        assertThat(tweaker.firstParams()).containsOnlyKeys("hidden_units");
    }

    /** auto without a search space edits the code, one trial after the other, the first as written. */
    @Test
    void shouldRewriteTheCodeWithoutASearchSpace() throws IOException {
        MlopsConfig config = config("");

        assertThat(Tweakers.usesSearchSpace(config)).isFalse();
        Tweaker tweaker = Tweakers.of(config, MLP);
        assertThat(tweaker.parallelizable()).isFalse();
        assertThat(tweaker.firstParams()).isEmpty();
    }

    /** strategy: source_rewrite wins over a declared search space. */
    @Test
    void shouldRewriteTheCodeWhenAskedToDespiteASearchSpace() throws IOException {
        assertThat(Tweakers.usesSearchSpace(config("strategy: source_rewrite\n" + SPACE))).isFalse();
    }

    /** strategy: search_space without one says what to declare. */
    @Test
    void shouldRefuseSearchSpaceStrategyWithoutOne() throws IOException {
        MlopsConfig config = config("strategy: search_space\n");

        assertThatThrownBy(() -> Tweakers.usesSearchSpace(config)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("needs a search_space section");
    }

    /** A via-git study pushes code edits; a search space there is refused naming the mode to use. */
    @Test
    void shouldRefuseASearchSpaceViaGit() throws IOException {
        MlopsConfig config = config("mode: via-git\n" + SPACE);

        assertThatThrownBy(() -> Tweakers.of(config, MLP)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("mode: in-build");
    }

    private MlopsConfig config(final String yaml) throws IOException {
        Files.writeString(workspace.resolve("mlops.yml"), yaml);
        return ConfigLoader.load(workspace);
    }
}
