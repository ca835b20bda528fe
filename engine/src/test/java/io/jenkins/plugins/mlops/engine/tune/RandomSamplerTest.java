package io.jenkins.plugins.mlops.engine.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.testing.Trials;
import io.jenkins.plugins.mlops.engine.tune.Distribution.IntRange;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The random sampler: the contract plus an even spread. */
class RandomSamplerTest extends AbstractSamplerTest {
    @Override
    Sampler create(final long seed) {
        return new RandomSampler(seed);
    }

    /** Every value of a small int range, ends included, comes up about equally often. */
    @Test
    void shouldGiveEveryValueOfAnIntRangeTheSameChance() {
        SearchSpace space = new SearchSpace(new TreeMap<>(Map.of("n", new IntRange(1, 4, 1, false))));
        List<TrialRecord> history = study4000(space);
        long[] counts = new long[5];
        history.forEach(t -> counts[((Number) t.params().get("n")).intValue()]++);

        assertThat(counts[1]).isBetween(900L, 1100L);
        assertThat(counts[2]).isBetween(900L, 1100L);
        assertThat(counts[3]).isBetween(900L, 1100L);
        assertThat(counts[4]).isBetween(900L, 1100L);
    }

    /** The history's metrics do not matter to a random sampler, only its length. */
    @Test
    void shouldIgnoreTheMetricsOfTheHistory() {
        List<TrialRecord> good = List.of(Trials.complete(1, Map.of(), 0.9));
        List<TrialRecord> bad = List.of(Trials.complete(1, Map.of(), 0.1));

        assertThat(create(9).sample(SPACE, good, Direction.MAXIMIZE))
                .isEqualTo(create(9).sample(SPACE, bad, Direction.MINIMIZE));
    }

    private List<TrialRecord> study4000(final SearchSpace space) {
        Sampler sampler = create(123);
        List<TrialRecord> history = new java.util.ArrayList<>();
        for (int i = 1; i <= 4000; i++) {
            history.add(Trials.complete(i, sampler.sample(space, history, Direction.MAXIMIZE), 0));
        }
        return history;
    }
}
