package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.SamplerName;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Decides the parameters of the next trial from the search space and the trials so far (Optuna's word). Samplers
 * keep no state between calls: the randomness of a call is derived from the sampler's seed and the length of the
 * history, so the same seed and the same history give the same parameters, also after a crash and resume.
 * Parallel trials: pass the running trials in the history too, so each parallel trial gets its own parameters.
 */
public interface Sampler {
    /**
     * The parameters of the next trial.
     *
     * @param space     what to search over
     * @param history   every trial of the study so far, in number order (running ones included)
     * @param direction whether a bigger metric is better
     * @return a value for every parameter of {@code space}, by name
     */
    Map<String, Object> sample(SearchSpace space, List<TrialRecord> history, Direction direction);

    /**
     * Whether this sampler has nothing new to offer (a grid that was tried through); samplers that draw at random
     * never are.
     *
     * @param space   what to search over
     * @param history every trial of the study so far
     * @return whether the study should stop for lack of new parameters
     */
    default boolean isExhausted(final SearchSpace space, final List<TrialRecord> history) {
        return false;
    }

    /**
     * The sampler called {@code name} in mlops.yml.
     *
     * @param name which sampler
     * @param seed the seed that makes the study reproducible
     * @return the sampler
     */
    static Sampler of(final SamplerName name, final long seed) {
        return switch (name) {
            case GRID -> new GridSampler(seed);
            case RANDOM -> new RandomSampler(seed);
            case TPE -> new TpeSampler(seed);
        };
    }

    /** The random numbers for the trial after {@code history}: a stream of its own per seed and trial. */
    static RandomGenerator randomFor(final long seed, final List<TrialRecord> history) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + history.size());
    }
}
