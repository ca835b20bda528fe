package io.jenkins.plugins.mlops.engine.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.Trials;
import io.jenkins.plugins.mlops.engine.tune.Distribution.Choice;
import io.jenkins.plugins.mlops.engine.tune.Distribution.FloatRange;
import io.jenkins.plugins.mlops.engine.tune.Distribution.IntRange;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link Sampler} meets (Abstract Test Pattern): a concrete test supplies only a factory.
 * The studies here run the sampler against a small objective, so model-based samplers leave their startup phase.
 */
abstract class AbstractSamplerTest {
    /** A space with every kind of distribution. */
    static final SearchSpace SPACE = new SearchSpace(new TreeMap<>(Map.of(
            "units", new IntRange(2, 128, 1, true),
            "batch", new IntRange(16, 128, 16, false),
            "lr", new FloatRange(1e-4, 1e-1, true),
            "dropout", new FloatRange(0, 0.5, false),
            "solver", new Choice(List.of("adam", "sgd", "lbfgs")))));

    /** The sampler under test with {@code seed}. */
    abstract Sampler create(long seed);

    /** A made-up accuracy that likes 32 units, lr 1e-2, little dropout and adam. */
    static double objective(final Map<String, Object> params) {
        double units = Math.log(((Number) params.get("units")).doubleValue() / 32);
        double lr = Math.log10(((Number) params.get("lr")).doubleValue()) + 2;
        double dropout = ((Number) params.get("dropout")).doubleValue();
        return 0.95 - 0.02 * units * units - 0.05 * lr * lr - 0.1 * dropout
                - ("adam".equals(params.get("solver")) ? 0 : 0.05);
    }

    /** The history of a study of {@code trials} trials run with {@code sampler}. */
    static List<TrialRecord> study(final Sampler sampler, final SearchSpace space, final int trials) {
        List<TrialRecord> history = new ArrayList<>();
        for (int number = 1; number <= trials; number++) {
            Map<String, Object> params = sampler.sample(space, history, Direction.MAXIMIZE);
            history.add(Trials.complete(number, params, objective(params)));
        }
        return history;
    }

    /** Every sampled parameter set has a value for each parameter, inside its distribution. */
    @Test
    void shouldStayInsideTheSearchSpace() {
        for (TrialRecord trial : study(create(7), SPACE, 30)) {
            assertThat(trial.params()).containsOnlyKeys(SPACE.names());
            SPACE.parameters().forEach((name, distribution) ->
                    assertThat(distribution.contains(trial.params().get(name)))
                            .as("%s = %s in %s", name, trial.params().get(name), distribution).isTrue());
        }
    }

    /** The same seed and the same history give the same parameters, also from a fresh instance (a resumed run). */
    @Test
    void shouldBeReproducibleWithTheSameSeedAndHistory() {
        List<TrialRecord> history = study(create(42), SPACE, 12);

        assertThat(study(create(42), SPACE, 12)).isEqualTo(history);
        assertThat(create(42).sample(SPACE, history, Direction.MAXIMIZE))
                .isEqualTo(create(42).sample(SPACE, history, Direction.MAXIMIZE));
    }

    /** Different seeds give different studies. */
    @Test
    void shouldDependOnTheSeed() {
        assertThat(study(create(1), SPACE, 10)).isNotEqualTo(study(create(2), SPACE, 10));
    }

    /** A running trial in the history (a parallel trial) makes the next trial get other parameters. */
    @Test
    void shouldGiveParallelTrialsDifferentParameters() {
        Sampler sampler = create(3);
        List<TrialRecord> history = new ArrayList<>(study(sampler, SPACE, 8));
        Map<String, Object> first = sampler.sample(SPACE, history, Direction.MAXIMIZE);
        history.add(Trials.running(9, first));

        assertThat(sampler.sample(SPACE, history, Direction.MAXIMIZE)).isNotEqualTo(first);
    }

    /** Failed trials, trials without params (source edits) and params of another space do not break sampling. */
    @Test
    void shouldCopeWithForeignAndFailedTrials() {
        List<TrialRecord> history = new ArrayList<>();
        history.add(Trials.ended(1, Map.of("units", 4), TrialState.FAILED));
        history.add(Trials.complete(2, Map.of(), 0.5));
        history.add(Trials.complete(3, Map.of("units", 1000, "other", "x"), 0.6));
        history.add(Trials.ended(4, Map.of("lr", 0.05), TrialState.TIMED_OUT));
        history.addAll(study(create(5), SPACE, 10).stream()
                .map(t -> Trials.complete(t.number() + 4, t.params(), t.metric())).toList());
        Sampler sampler = create(5);

        for (Direction direction : Direction.values()) {
            Map<String, Object> params = sampler.sample(SPACE, history, direction);
            assertThat(params).containsOnlyKeys(SPACE.names());
        }
    }

    /** Over a study, every value of a choice and both halves of every range get tried. */
    @Test
    void shouldExploreTheWholeSpace() {
        List<TrialRecord> history = study(create(11), SPACE, 40);
        Set<Object> solvers = new HashSet<>();
        history.forEach(t -> solvers.add(t.params().get("solver")));

        assertThat(solvers).containsExactlyInAnyOrder("adam", "sgd", "lbfgs");
        assertThat(history).anySatisfy(t -> assertThat(((Number) t.params().get("units")).longValue()).isLessThan(16));
        assertThat(history).anySatisfy(t -> assertThat(((Number) t.params().get("units")).longValue())
                .isGreaterThan(16));
    }
}
