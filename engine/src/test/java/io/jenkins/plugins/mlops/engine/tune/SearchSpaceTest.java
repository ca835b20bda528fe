package io.jenkins.plugins.mlops.engine.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.jenkins.plugins.mlops.engine.tune.Distribution.Choice;
import io.jenkins.plugins.mlops.engine.tune.Distribution.FloatRange;
import io.jenkins.plugins.mlops.engine.tune.Distribution.IntRange;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing the search_space section of mlops.yml and the values of each distribution. */
class SearchSpaceTest {
    @SuppressWarnings("unchecked")
    private static SearchSpace parse(final String yaml) throws Exception {
        Map<String, Object> document = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
        return SearchSpace.fromYaml((Map<String, Object>) document.get("search_space"));
    }

    /** The example of the documentation parses into the three kinds of distribution, names sorted. */
    @Test
    void shouldParseTheDocumentedExample() throws Exception {
        SearchSpace space = parse("""
                search_space:
                  solver: {type: choice, values: [adam, sgd]}
                  hidden_units: {type: int, low: 2, high: 128, log: true}
                  learning_rate: {type: float, low: 1e-4, high: 1e-1, log: true}
                  batch_size: {type: int, low: 16, high: 128, step: 16}
                """);

        assertThat(space.names()).containsExactly("batch_size", "hidden_units", "learning_rate", "solver");
        assertThat(space.parameters()).containsEntry("hidden_units", new IntRange(2, 128, 1, true))
                .containsEntry("learning_rate", new FloatRange(1e-4, 1e-1, true))
                .containsEntry("solver", new Choice(List.of("adam", "sgd")))
                .containsEntry("batch_size", new IntRange(16, 128, 16, false));
    }

    /** Each kind of mistake is reported with the parameter's name and what to write instead. */
    @Test
    void shouldNameTheParameterAndTheFixOfEveryMistake() {
        assertThatThrownBy(() -> parse("search_space: {units: {type: integer, low: 1, high: 2}}"))
                .isInstanceOf(MlopsException.class).hasMessageContaining("'units'")
                .hasMessageContaining("use type: int, type: float or type: choice");
        assertThatThrownBy(() -> parse("search_space: {units: {type: int, low: 9, high: 2}}"))
                .hasMessageContaining("'units'").hasMessageContaining("swap them");
        assertThatThrownBy(() -> parse("search_space: {lr: {type: float, low: 0, high: 1, log: true}}"))
                .hasMessageContaining("'lr'").hasMessageContaining("low above 0");
        assertThatThrownBy(() -> parse("search_space: {lr: {type: float, high: 1}}"))
                .hasMessageContaining("'lr' in mlops.yml has no low").hasMessageContaining("write low: <number>");
        assertThatThrownBy(() -> parse("search_space: {lr: {type: float, low: abc, high: 1}}"))
                .hasMessageContaining("low 'abc', not a number");
        assertThatThrownBy(() -> parse("search_space: {units: {type: int, low: 1.5, high: 4}}"))
                .hasMessageContaining("'units'").hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> parse("search_space: {units: {type: int, low: 1, high: 64, step: 2, log: true}}"))
                .hasMessageContaining("drop the step or the log");
        assertThatThrownBy(() -> parse("search_space: {solver: {type: choice, values: []}}"))
                .hasMessageContaining("'solver'").hasMessageContaining("values: [adam, sgd]");
        assertThatThrownBy(() -> parse("search_space: {solver: adam}"))
                .hasMessageContaining("'solver'").hasMessageContaining("not a map with a type");
        assertThatThrownBy(() -> parse("search_space: {lr: {type: float, low: 0.1, high: 1, log: yes please}}"))
                .hasMessageContaining("write log: true or log: false");
    }

    /** Grids of ranges are spread evenly (in log space for log ranges) and include both ends. */
    @Test
    void shouldSpreadGridPointsOverTheScale() {
        assertThat(new IntRange(2, 128, 1, true).grid(7)).containsExactly(2L, 4L, 8L, 16L, 32L, 64L, 128L);
        assertThat(new IntRange(1, 3, 1, false).grid(5)).containsExactly(1L, 2L, 3L);
        assertThat(new IntRange(16, 128, 16, false).grid(3)).containsExactly(16L, 80L, 128L);
        assertThat(new FloatRange(0, 1, false).grid(3)).containsExactly(0.0, 0.5, 1.0);
        assertThat(new FloatRange(1e-4, 1e-2, true).grid(3)).satisfiesExactly(
                low -> assertThat((double) low).isCloseTo(1e-4, org.assertj.core.data.Offset.offset(1e-12)),
                mid -> assertThat((double) mid).isCloseTo(1e-3, org.assertj.core.data.Offset.offset(1e-12)),
                high -> assertThat((double) high).isCloseTo(1e-2, org.assertj.core.data.Offset.offset(1e-12)));
    }

    /** Values read back from run.json (ints as Integer or Long) are recognised; values off the step are not. */
    @Test
    void shouldRecogniseValuesReadBackFromJson() {
        assertThat(new IntRange(16, 128, 16, false).contains(32)).isTrue();
        assertThat(new IntRange(16, 128, 16, false).contains(33L)).isFalse();
        assertThat(new IntRange(16, 128, 16, false).contains(32.5)).isFalse();
        assertThat(new Choice(List.of(32, 64)).contains(64L)).isTrue();
        assertThat(new Choice(List.of("adam", "sgd")).contains("lbfgs")).isFalse();
        assertThat(new FloatRange(0, 1, false).contains("0.5")).isFalse();
    }
}
