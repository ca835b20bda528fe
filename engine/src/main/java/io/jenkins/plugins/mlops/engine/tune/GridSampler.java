package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Tries every combination of a grid once, in an order shuffled by the seed (so a study cut short by its budget
 * still sees the whole space, not one corner of it). Choices contribute all their values, ranges a few values
 * spread evenly over their (log) scale. A combination counts as tried when a trial of the history has it.
 */
public final class GridSampler implements Sampler {
    /** Points per range unless told otherwise. */
    public static final int DEFAULT_POINTS = 5;
    /** More combinations than this are refused: such a grid would never be tried through. */
    static final int MAX_COMBINATIONS = 100_000;

    private final long seed;
    private final int pointsPerRange;

    /** A grid sampler with {@link #DEFAULT_POINTS} points per range. */
    public GridSampler(final long seed) {
        this(seed, DEFAULT_POINTS);
    }

    /** A grid sampler with {@code pointsPerRange} points on every int or float range. */
    public GridSampler(final long seed, final int pointsPerRange) {
        if (pointsPerRange < 1) {
            throw new IllegalArgumentException("pointsPerRange must be at least 1, was " + pointsPerRange);
        }
        this.seed = seed;
        this.pointsPerRange = pointsPerRange;
    }

    @Override
    public Map<String, Object> sample(final SearchSpace space, final List<TrialRecord> history,
            final Direction direction) {
        List<List<Object>> axes = axes(space);
        int[] order = LatinHypercube.permutation(new SplittableRandom(seed), combinations(axes));
        Set<Integer> tried = tried(space, axes, history);
        for (int index : order) {
            if (!tried.contains(index)) {
                return combination(space, axes, index);
            }
        }
        // Tried through: go round again rather than fail, isExhausted() is how callers stop.
        return combination(space, axes, order[history.size() % order.length]);
    }

    @Override
    public boolean isExhausted(final SearchSpace space, final List<TrialRecord> history) {
        List<List<Object>> axes = axes(space);
        return tried(space, axes, history).size() >= combinations(axes);
    }

    /** The values of every parameter on the grid, in the order of the space's names. */
    List<List<Object>> axes(final SearchSpace space) {
        List<List<Object>> axes = new ArrayList<>();
        space.parameters().values().forEach(distribution -> axes.add(distribution.grid(pointsPerRange)));
        return axes;
    }

    private static int combinations(final List<List<Object>> axes) {
        long count = 1;
        for (List<Object> axis : axes) {
            count *= axis.size();
            if (count > MAX_COMBINATIONS) {
                throw MlopsException.input("The search space has more than " + MAX_COMBINATIONS
                        + " grid combinations; use sampler: random or sampler: tpe, or fewer values.");
            }
        }
        return (int) count;
    }

    private static Map<String, Object> combination(final SearchSpace space, final List<List<Object>> axes,
            final int index) {
        Map<String, Object> params = new LinkedHashMap<>();
        int rest = index;
        int axis = 0;
        for (String name : space.names()) {
            List<Object> values = axes.get(axis++);
            params.put(name, values.get(rest % values.size()));
            rest /= values.size();
        }
        return params;
    }

    private static Set<Integer> tried(final SearchSpace space, final List<List<Object>> axes,
            final List<TrialRecord> history) {
        Set<Integer> tried = new HashSet<>();
        for (TrialRecord trial : history) {
            int index = 0;
            int scale = 1;
            int axis = 0;
            boolean onGrid = true;
            for (String name : space.names()) {
                List<Object> values = axes.get(axis++);
                OptionalInt position = new Distribution.Choice(values).indexOf(trial.params().get(name));
                onGrid &= position.isPresent();
                index += position.orElse(0) * scale;
                scale *= values.size();
            }
            if (onGrid) {
                tried.add(index);
            }
        }
        return tried;
    }

    @Override
    public String toString() {
        return "grid(seed " + seed + ", " + pointsPerRange + " points per range)";
    }
}
