package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a study aims at: a target on a metric in a direction.
 *
 * @param metric    the metric name, e.g. {@code accuracy}
 * @param target    the value to reach, e.g. 0.90
 * @param direction maximise (accuracy) or minimise (loss)
 */
public record Study(String metric, double target, Direction direction) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default study: accuracy ≥ 0.90. */
    public static final Study DEFAULT = new Study("accuracy", 0.90, Direction.MAXIMIZE);

    public Study {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }

    /** Whether {@code value} meets the target. */
    public boolean isMet(final double value) {
        return direction.meets(value, target);
    }
}
