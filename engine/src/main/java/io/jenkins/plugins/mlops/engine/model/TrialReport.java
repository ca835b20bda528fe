package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * The outcome of one asked trial, as its worker tells it to the study.
 *
 * @param number         the trial number it was asked under
 * @param state          COMPLETE (with a metric), FAILED, TIMED_OUT or CANCELLED
 * @param metric         the metric the gate read, or {@code null}
 * @param durationMillis wall time of training
 * @param imageDigest    the image actually used, or {@code null}
 * @param message        why the trial failed, or {@code null}
 * @param gate           the gate's verdict on the trial, or {@code null} when training did not complete
 * @param modelLocation  where the trial's model files are, or {@code null}
 */
public record TrialReport(int number, TrialState state, Double metric, long durationMillis, String imageDigest,
        String message, GateResult gate, ModelLocation modelLocation) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialReport {
        Objects.requireNonNull(state, "state");
    }
}
