package io.jenkins.plugins.mlops.engine.gate;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import java.io.Serializable;
import java.util.Objects;

/**
 * What the gate checks: the objective (a metric, the target it must reach, the direction), and the metric text file
 * it reads besides {@code metrics.json} and stdout.
 *
 * @param objective  the metric, target and direction
 * @param metricFile the metric text file relative to the workspace, e.g. {@code accuracy.txt}
 */
public record GateSpec(Objective objective, String metricFile) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The metric text file read when none is configured. */
    public static final String DEFAULT_METRIC_FILE = "accuracy.txt";

    /** accuracy ≥ 0.90, read from metrics.json, accuracy.txt or stdout. */
    public static final GateSpec DEFAULT = new GateSpec(Objective.DEFAULT, DEFAULT_METRIC_FILE);

    public GateSpec {
        Objects.requireNonNull(objective, "objective");
        metricFile = metricFile == null || metricFile.isBlank() ? DEFAULT_METRIC_FILE : metricFile;
    }

    /** The metric name, e.g. {@code accuracy} or {@code loss}. */
    public String metric() {
        return objective.metric();
    }

    /** The value to reach, e.g. 0.90. */
    public double target() {
        return objective.target();
    }

    /** Maximise (accuracy) or minimise (loss). */
    public Direction direction() {
        return objective.direction();
    }

    /**
     * Whether the metric is a fraction of 1 (accuracy, precision, recall, F1, AUC, ...), for which a value written
     * as a percentage is divided by 100. Other metrics (loss, rmse, ...) are taken as written.
     */
    public boolean isFraction() {
        return Objective.isFraction(objective.metric());
    }
}
