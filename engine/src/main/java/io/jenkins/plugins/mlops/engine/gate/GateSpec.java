package io.jenkins.plugins.mlops.engine.gate;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Study;
import java.io.Serializable;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the gate checks: a metric, the target it must reach in a direction, and the metric text file it reads
 * besides {@code metrics.json} and stdout.
 *
 * @param metric     the metric name, e.g. {@code accuracy} or {@code loss}
 * @param target     the value to reach, e.g. 0.90
 * @param direction  maximise (accuracy) or minimise (loss)
 * @param metricFile the metric text file relative to the workspace, e.g. {@code accuracy.txt}
 */
public record GateSpec(String metric, double target, Direction direction, String metricFile) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The metric text file read when none is configured. */
    public static final String DEFAULT_METRIC_FILE = "accuracy.txt";

    /** accuracy ≥ 0.90, read from metrics.json, accuracy.txt or stdout. */
    public static final GateSpec DEFAULT = of(Study.DEFAULT, DEFAULT_METRIC_FILE);

    /**
     * Metrics that are fractions of 1 by definition, so that 93 or 93% can only mean 0.93. Matched on the whole name
     * or its last {@code _}-separated words, so {@code val_accuracy} and {@code f1_score} count too.
     */
    private static final Pattern FRACTION_METRIC = Pattern.compile(
            "(?:.*_)?(?:acc|accuracy|balanced_accuracy|precision|recall|f1|f1_score|auc|roc_auc|pr_auc|iou|miou"
                    + "|dice|top1|top5|top_1|top_5|top_\\d+_accuracy)");

    public GateSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        metricFile = metricFile == null || metricFile.isBlank() ? DEFAULT_METRIC_FILE : metricFile;
    }

    /** The spec of {@code study} with {@code metricFile} ({@code null}: {@code accuracy.txt}). */
    public static GateSpec of(final Study study, final String metricFile) {
        return new GateSpec(study.metric(), study.target(), study.direction(), metricFile);
    }

    /**
     * Whether the metric is a fraction of 1 (accuracy, precision, recall, F1, AUC, ...), for which a value written
     * as a percentage is divided by 100. Other metrics (loss, rmse, ...) are taken as written.
     */
    public boolean isFraction() {
        return FRACTION_METRIC.matcher(metric.toLowerCase(Locale.ROOT)).matches();
    }
}
