package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Draws every parameter independently and uniformly on its internal number line (so log ranges are sampled evenly
 * in log space), ignoring the history except for its length. The baseline every other sampler must beat.
 */
public final class RandomSampler implements Sampler {
    private final long seed;

    /** A random sampler whose draws are fixed by {@code seed} and the trial number. */
    public RandomSampler(final long seed) {
        this.seed = seed;
    }

    @Override
    public Map<String, Object> sample(final SearchSpace space, final List<TrialRecord> history,
            final Direction direction) {
        return draw(space, Sampler.randomFor(seed, history));
    }

    /** One uniform draw of every parameter of {@code space} from {@code random}. */
    static Map<String, Object> draw(final SearchSpace space, final RandomGenerator random) {
        Map<String, Object> params = new LinkedHashMap<>();
        space.parameters().forEach((name, distribution) -> {
            double low = distribution.internalLow();
            double high = distribution.internalHigh();
            params.put(name, distribution.fromInternal(low < high ? random.nextDouble(low, high) : low));
        });
        return params;
    }

    @Override
    public String toString() {
        return "random(seed " + seed + ")";
    }
}
