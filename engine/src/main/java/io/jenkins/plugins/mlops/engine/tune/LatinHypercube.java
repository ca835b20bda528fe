package io.jenkins.plugins.mlops.engine.tune;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The start of a study laid out as a Latin hypercube: over {@code size} trials, every parameter's internal number
 * line is cut into {@code size} equal strata and each trial gets a different stratum of each parameter, in an
 * order shuffled by the seed. Unlike independent draws, this tries every value of a choice (when there are at most
 * {@code size} of them) and both ends of every range before a model starts learning from the results.
 */
final class LatinHypercube {
    private LatinHypercube() {
    }

    /**
     * The parameters of trial {@code index} of the hypercube.
     *
     * @param space  what to search over
     * @param seed   fixes the shuffle of the strata, the same for every trial of the study
     * @param index  0-based position of the trial in the hypercube, below {@code size}
     * @param size   how many trials the hypercube has
     * @param jitter where inside its stratum each value falls
     * @return a value for every parameter
     */
    static Map<String, Object> point(final SearchSpace space, final long seed, final int index, final int size,
            final RandomGenerator jitter) {
        SplittableRandom shuffles = new SplittableRandom(seed);
        Map<String, Object> params = new LinkedHashMap<>();
        space.parameters().forEach((name, distribution) -> {
            int stratum = permutation(shuffles.split(), size)[index];
            double low = distribution.internalLow();
            double high = distribution.internalHigh();
            double within = jitter.nextDouble();
            // Strata map onto choices whole, so that every value gets one whatever the rounding.
            double internal = distribution instanceof Distribution.Choice choice
                    ? Math.floor((double) stratum * choice.values().size() / size)
                    : low + (stratum + within) / size * (high - low);
            params.put(name, distribution.fromInternal(internal));
        });
        return params;
    }

    /** The numbers 0 to {@code size - 1} in an order shuffled by {@code random}. */
    static int[] permutation(final SplittableRandom random, final int size) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
