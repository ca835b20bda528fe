package io.jenkins.plugins.mlops.engine.model;

import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import java.time.Instant;

/**
 * Records the steps of the chain in the chain state for the pipeline view. Train, check and tweak run once per trial:
 * their records add up runs and durations, and keep the first start.
 */
public final class Steps {
    private Steps() {
    }

    /** {@code state} with one more run of {@code step}, started at {@code started}, that ended as {@code result}. */
    public static ChainState record(final ChainState state, final Step step, final StepState result,
            final Instant started,
            final long durationMillis, final String summary) {
        StepRecord previous = state.step(step).orElse(null);
        boolean repeated = previous != null && (step == Step.TRAIN || step == Step.CHECK || step == Step.TWEAK);
        if (!repeated) {
            return state.withStep(new StepRecord(step, result, started.toString(), durationMillis, 1, summary));
        }
        return state.withStep(new StepRecord(step, result, previous.startedAt(),
                previous.durationMillis() + durationMillis, previous.runs() + 1, summary));
    }
}
