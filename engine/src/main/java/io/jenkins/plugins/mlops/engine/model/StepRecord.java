package io.jenkins.plugins.mlops.engine.model;

import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.Serializable;
import java.util.Objects;

/**
 * One step of the chain as the pipeline view shows it: fetch, detect, train, check, tweak, publish, notify.
 *
 * @param step           the step
 * @param state          how it ended
 * @param startedAt      ISO-8601 instant it started
 * @param durationMillis how long it took (all its runs together for train/check/tweak)
 * @param runs           how often it ran (train, check and tweak run once per trial)
 * @param summary        one line for the box, e.g. "sklearn/ann" or "0.93 ≥ 0.90"
 */
public record StepRecord(Step step, StepState state, String startedAt, long durationMillis, int runs, String summary)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public StepRecord {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        summary = Secrets.maskUrls(summary);
    }

    /** The seven steps, in chain order: the model is published before the mail goes out, so the mail names it. */
    public enum Step {
        FETCH, DETECT, TRAIN, CHECK, TWEAK, PUBLISH, NOTIFY
    }

    /** How a step ended; colours in the pipeline view. */
    public enum StepState {
        SUCCESS, UNSTABLE, FAILED, SKIPPED, NOT_RUN
    }
}
