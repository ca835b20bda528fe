package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A model-based sampler in the style of the Tree-structured Parzen Estimator (Bergstra et al., 2011; Optuna's
 * default). The first trials are drawn at random. After that the finished trials are split into the best
 * {@code gamma} share ("good") and the rest ("bad"); for each parameter a {@link ParzenEstimator} is fitted to
 * each group, candidates are drawn from the good one, and the candidate with the highest ratio good/bad density
 * wins. Parameters are modelled independently. Failed and timed-out trials count as bad: their parameters did not
 * work.
 */
public final class TpeSampler implements Sampler {
    /** Random trials before the model takes over, unless told otherwise. */
    public static final int DEFAULT_STARTUP_TRIALS = 5;
    /** The share of finished trials that count as good, unless told otherwise. */
    public static final double DEFAULT_GAMMA = 0.25;
    /** Candidates drawn from the good density per parameter. */
    static final int CANDIDATES = 24;

    private final long seed;
    private final int startupTrials;
    private final double gamma;

    /** A TPE sampler with the default number of startup trials and good share. */
    public TpeSampler(final long seed) {
        this(seed, DEFAULT_STARTUP_TRIALS, DEFAULT_GAMMA);
    }

    /**
     * A TPE sampler.
     *
     * @param seed          fixes the draws, together with the history
     * @param startupTrials how many finished trials to wait for before modelling (at least 2: one good, one bad)
     * @param gamma         the share of finished trials that count as good, in (0, 1)
     */
    public TpeSampler(final long seed, final int startupTrials, final double gamma) {
        if (startupTrials < 2 || gamma <= 0 || gamma >= 1) {
            throw new IllegalArgumentException("TPE needs startupTrials >= 2 and 0 < gamma < 1, got "
                    + startupTrials + " and " + gamma);
        }
        this.seed = seed;
        this.startupTrials = startupTrials;
        this.gamma = gamma;
    }

    @Override
    public Map<String, Object> sample(final SearchSpace space, final List<TrialRecord> history,
            final Direction direction) {
        RandomGenerator random = Sampler.randomFor(seed, history);
        List<TrialRecord> ranked = rank(history, direction);
        if (ranked.size() < startupTrials) {
            return RandomSampler.draw(space, random);
        }
        int good = Math.max(1, (int) Math.ceil(gamma * ranked.size()));
        Map<String, Object> params = new LinkedHashMap<>();
        space.parameters().forEach((name, distribution) -> {
            ParzenEstimator below = ParzenEstimator.fit(distribution, points(ranked.subList(0, good), name,
                    distribution));
            ParzenEstimator above = ParzenEstimator.fit(distribution, points(ranked.subList(good, ranked.size()),
                    name, distribution));
            params.put(name, distribution.fromInternal(bestCandidate(below, above, random)));
        });
        return params;
    }

    private static double bestCandidate(final ParzenEstimator below, final ParzenEstimator above,
            final RandomGenerator random) {
        double best = Double.NaN;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            double candidate = below.sample(random);
            double score = below.logDensity(candidate) - above.logDensity(candidate);
            if (Double.isNaN(best) || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        return best;
    }

    /** Trials with a metric best first (ties: the earlier first), then failed and timed-out ones. */
    private static List<TrialRecord> rank(final List<TrialRecord> history, final Direction direction) {
        Comparator<TrialRecord> byMetric = Comparator.comparingDouble(TrialRecord::metric);
        if (direction == Direction.MAXIMIZE) {
            byMetric = byMetric.reversed();
        }
        List<TrialRecord> ranked = new ArrayList<>(history.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.metric() != null && !t.metric().isNaN())
                .sorted(byMetric.thenComparingInt(TrialRecord::number))
                .toList());
        history.stream()
                .filter(t -> t.state() == TrialState.FAILED || t.state() == TrialState.TIMED_OUT)
                .forEach(ranked::add);
        return ranked;
    }

    private static List<Double> points(final List<TrialRecord> trials, final String name,
            final Distribution distribution) {
        return trials.stream()
                .map(t -> t.params().get(name))
                .filter(distribution::contains)
                .map(distribution::toInternal)
                .toList();
    }

    @Override
    public String toString() {
        return "tpe(seed " + seed + ", " + startupTrials + " startup trials, gamma " + gamma + ")";
    }
}
