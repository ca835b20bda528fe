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
 * default). The first trials are a Latin hypercube (every choice value and every part of each range gets tried,
 * in an order fixed by the seed); when they end without enough finished trials, further ones are drawn at
 * random. After that the finished trials are split into the best
 * {@code gamma} share ("good") and the rest ("bad"); a density of kernels is fitted to each group, candidates are
 * drawn from the good one, and the candidate with the highest ratio good/bad density wins. The density is
 * multivariate (each trial's kernels multiply across parameters, Optuna's {@code multivariate=True}), so it sees
 * that two parameters only work together. Failed and timed-out trials count as bad: their parameters did not work.
 * Trials still running count as bad too (the constant liar of parallel Bayesian optimisation, pessimistic): the
 * candidates move away from points already being tried, so k trials asked at once are not k copies of one point.
 */
public final class TpeSampler implements Sampler {
    /** Random trials before the model takes over, unless told otherwise. */
    public static final int DEFAULT_STARTUP_TRIALS = 5;
    /** The share of finished trials that count as good, unless told otherwise. */
    public static final double DEFAULT_GAMMA = 0.2;
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
        List<TrialRecord> ranked = rank(space, history, direction);
        if (ranked.size() < startupTrials) {
            return history.size() < startupTrials
                    ? LatinHypercube.point(space, seed, history.size(), startupTrials, random)
                    : RandomSampler.draw(space, random);
        }
        int good = Math.max(1, (int) Math.ceil(gamma * ranked.size()));
        List<ParzenEstimator> below = fit(space, ranked.subList(0, good));
        List<TrialRecord> bad = new ArrayList<>(ranked.subList(good, ranked.size()));
        bad.addAll(running(space, history));
        List<ParzenEstimator> above = fit(space, bad);
        double[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < CANDIDATES; i++) {
            int kernel = random.nextInt(below.get(0).kernels());
            double[] candidate = new double[below.size()];
            for (int d = 0; d < candidate.length; d++) {
                candidate[d] = below.get(d).sample(kernel, random);
            }
            double score = logDensity(below, candidate) - logDensity(above, candidate);
            if (best == null || score > bestScore) {
                best = candidate;
                bestScore = score;
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        int d = 0;
        for (Map.Entry<String, Distribution> parameter : space.parameters().entrySet()) {
            params.put(parameter.getKey(), parameter.getValue().fromInternal(best[d++]));
        }
        return params;
    }

    private static List<ParzenEstimator> fit(final SearchSpace space, final List<TrialRecord> trials) {
        List<ParzenEstimator> estimators = new ArrayList<>();
        space.parameters().forEach((name, distribution) -> estimators.add(ParzenEstimator.fit(distribution,
                trials.stream().map(trial -> distribution.toInternal(trial.params().get(name))).toList())));
        return estimators;
    }

    /** The log of the mixture density: the kernels of one trial multiply across parameters, trials add up. */
    private static double logDensity(final List<ParzenEstimator> estimators, final double[] x) {
        int kernels = estimators.get(0).kernels();
        double[] logs = new double[kernels];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < kernels; k++) {
            for (int d = 0; d < x.length; d++) {
                logs[k] += estimators.get(d).logDensity(k, x[d]);
            }
            max = Math.max(max, logs[k]);
        }
        double sum = 0;
        for (double log : logs) {
            sum += Math.exp(log - max);
        }
        return max + Math.log(sum / kernels);
    }

    /** The running trials with a value inside the space for every parameter: the pending points. */
    private static List<TrialRecord> running(final SearchSpace space, final List<TrialRecord> history) {
        return history.stream().filter(t -> t.state() == TrialState.RUNNING && inSpace(space, t)).toList();
    }

    private static boolean inSpace(final SearchSpace space, final TrialRecord trial) {
        return space.parameters().entrySet().stream()
                .allMatch(p -> p.getValue().contains(trial.params().get(p.getKey())));
    }

    /**
     * The trials that have a value inside the space for every parameter: those with a metric best first (ties:
     * the earlier first), then the failed and timed-out ones.
     */
    private static List<TrialRecord> rank(final SearchSpace space, final List<TrialRecord> history,
            final Direction direction) {
        Comparator<TrialRecord> byMetric = Comparator.comparingDouble(TrialRecord::metric);
        if (direction == Direction.MAXIMIZE) {
            byMetric = byMetric.reversed();
        }
        List<TrialRecord> inSpace = history.stream().filter(t -> inSpace(space, t)).toList();
        List<TrialRecord> ranked = new ArrayList<>(inSpace.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.metric() != null && !t.metric().isNaN())
                .sorted(byMetric.thenComparingInt(TrialRecord::number))
                .toList());
        inSpace.stream()
                .filter(t -> t.state() == TrialState.FAILED || t.state() == TrialState.TIMED_OUT)
                .forEach(ranked::add);
        return ranked;
    }

    @Override
    public String toString() {
        return "tpe(seed " + seed + ", " + startupTrials + " startup trials, gamma " + gamma + ")";
    }
}
