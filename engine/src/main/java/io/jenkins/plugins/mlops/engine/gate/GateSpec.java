package io.jenkins.plugins.mlops.engine.gate;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import java.io.Serializable;
import java.util.Objects;

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
    public static final GateSpec DEFAULT = of(Objective.DEFAULT, DEFAULT_METRIC_FILE);

    public GateSpec {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(direction, "direction");
        metricFile = metricFile == null || metricFile.isBlank() ? DEFAULT_METRIC_FILE : metricFile;
    }

    /** The spec of {@code objective} with {@code metricFile} ({@code null}: {@code accuracy.txt}). */
    public static GateSpec of(final Objective objective, final String metricFile) {
        return new GateSpec(objective.metric(), objective.target(), objective.direction(), metricFile);
    }

    /**
     * Whether the metric is a fraction of 1 (accuracy, precision, recall, F1, AUC, ...), for which a value written
     * as a percentage is divided by 100. Other metrics (loss, rmse, ...) are taken as written.
     */
    public boolean isFraction() {
        return Objective.isFraction(metric);
    }
}
