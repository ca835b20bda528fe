package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The objective of a study: a target on a metric in a direction. The study is the search toward it (its trials,
 * sampler and budget), the gate checks a trial's metric against it.
 *
 * @param metric    the metric name, e.g. {@code accuracy}
 * @param target    the value to reach, e.g. 0.90
 * @param direction maximise (accuracy) or minimise (loss)
 */
public record Objective(String metric, double target, Direction direction) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The default objective: accuracy ≥ 0.90. */
    public static final Objective DEFAULT = new Objective("accuracy", 0.90, Direction.MAXIMIZE);

    /**
     * Metrics that are fractions of 1 by definition, so that 93 or 93% can only mean 0.93. Matched on the whole name
     * or its last {@code _}-separated words, so {@code val_accuracy} and {@code f1_score} count too.
     */
    private static final Pattern FRACTION_METRIC = Pattern.compile(
            "(?:.*_)?(?:acc|accuracy|balanced_accuracy|precision|recall|f1|f1_score|auc|roc_auc|pr_auc|iou|miou"
                    + "|dice|top1|top5|top_1|top_5|top_\\d+_accuracy)");


    public Objective {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
    }

    /** Whether {@code value} meets the target. */
    public boolean isMet(final double value) {
        return direction.meets(value, target);
    }

    /** Whether {@code metric} is a fraction by its name (accuracy, f1, auc, ...): its values lie in 0..1. */
    public static boolean isFraction(final String metric) {
        return FRACTION_METRIC.matcher(metric.toLowerCase(Locale.ROOT)).matches();
    }
}
