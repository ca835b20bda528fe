package io.jenkins.plugins.mlops.engine.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.testing.Trials;
import io.jenkins.plugins.mlops.engine.tune.Distribution.Choice;
import io.jenkins.plugins.mlops.engine.tune.Distribution.FloatRange;
import io.jenkins.plugins.mlops.engine.tune.Distribution.IntRange;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The grid sampler: the contract, plus it tries every combination exactly once. */
class GridSamplerTest extends AbstractSamplerTest {
    private static final SearchSpace SMALL = new SearchSpace(new TreeMap<>(Map.of(
            "units", new IntRange(8, 24, 8, false),
            "lr", new FloatRange(1e-3, 1e-1, true),
            "solver", new Choice(List.of("adam", "sgd")))));

    @Override
    Sampler create(final long seed) {
        return new GridSampler(seed);
    }

    /** 3 units x 3 learning rates x 2 solvers: 18 trials cover all 18 combinations, then the grid is exhausted. */
    @Test
    void shouldCoverEveryCombinationOnce() {
        GridSampler sampler = new GridSampler(5, 3);
        List<TrialRecord> history = new ArrayList<>();
        for (int number = 1; number <= 18; number++) {
            assertThat(sampler.isExhausted(SMALL, history)).isFalse();
            history.add(Trials.complete(number, sampler.sample(SMALL, history, Direction.MAXIMIZE), 0.5));
        }

        assertThat(history.stream().map(TrialRecord::params).distinct()).hasSize(18);
        assertThat(history).extracting(t -> t.params().get("units")).containsOnly(8L, 16L, 24L);
        assertThat(history).extracting(t -> t.params().get("solver")).containsOnly("adam", "sgd");
        assertThat(history.stream().map(t -> t.params().get("lr")).distinct()).hasSize(3);
        assertThat(sampler.isExhausted(SMALL, history)).isTrue();
        assertThat(SMALL.parameters().get("units").contains(
                sampler.sample(SMALL, history, Direction.MAXIMIZE).get("units"))).isTrue();
    }

    /** A combination read back from run.json (ints as Integer) counts as tried. */
    @Test
    void shouldCountTrialsReadBackFromJsonAsTried() {
        SearchSpace space = new SearchSpace(new TreeMap<>(Map.of("units", new IntRange(1, 2, 1, false))));
        List<TrialRecord> history = List.of(Trials.complete(1, Map.of("units", 1), 0.5));

        assertThat(new GridSampler(0).sample(space, history, Direction.MAXIMIZE)).containsEntry("units", 2L);
    }

    /** A grid too big to ever try through is refused with the fix. */
    @Test
    void shouldRefuseAHugeGrid() {
        SearchSpace space = new SearchSpace(new TreeMap<>(Map.of(
                "a", new IntRange(1, 1000, 1, false), "b", new IntRange(1, 1000, 1, false))));

        assertThatThrownBy(() -> new GridSampler(0, 1000).sample(space, List.of(), Direction.MAXIMIZE))
                .isInstanceOf(MlopsException.class).hasMessageContaining("use sampler: random or sampler: tpe");
    }
}
