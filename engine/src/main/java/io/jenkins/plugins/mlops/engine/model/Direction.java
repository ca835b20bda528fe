package io.jenkins.plugins.mlops.engine.model;

/** Whether a bigger metric is better (accuracy) or a smaller one (loss). */
public enum Direction {
    MAXIMIZE, MINIMIZE;

    /** Whether {@code value} meets {@code target} in this direction (equal counts as met). */
    public boolean meets(final double value, final double target) {
        return this == MAXIMIZE ? value >= target : value <= target;
    }

    /** Whether {@code candidate} is strictly better than {@code incumbent} in this direction. */
    public boolean isBetter(final double candidate, final double incumbent) {
        return this == MAXIMIZE ? candidate > incumbent : candidate < incumbent;
    }
}
