package io.jenkins.plugins.mlops.engine.model;

import java.util.Locale;

/**
 * The commit trailers that record a trial in git: {@code MLOps-Trial: N}, {@code MLOps-Metric: 0.8700} and
 * {@code MLOps-Target: 0.9000}. via-git tweak commits and published model commits write them the same way, and the
 * via-git loop reads them back to count trials.
 */
public final class TrialTrailer {
    /** The trial number. */
    public static final String TRIAL = "MLOps-Trial";
    /** The trial's metric, or {@code none}. */
    public static final String METRIC = "MLOps-Metric";
    /** The study's target. */
    public static final String TARGET = "MLOps-Target";

    private TrialTrailer() {
    }

    /** The three trailer lines, each ending with a line break. */
    public static String lines(final int trial, final Double metric, final double target) {
        return TRIAL + ": " + trial + "\n" + METRIC + ": "
                + (metric == null ? "none" : String.format(Locale.ROOT, "%.4f", metric)) + "\n" + TARGET + ": "
                + String.format(Locale.ROOT, "%.4f", target) + "\n";
    }
}
