package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.List;

/**
 * Trains one trial (in a container, in production); a seam so the loop's logic is tested without Docker. Closed when
 * the study ends, however it ends, so that what its trials shared is removed.
 */
interface TrialTrainer extends AutoCloseable {
    /**
     * Trains {@code plan}, whose work directory holds the trial's own files (its entry, what came back); the rest of
     * the study's workspace is read from the workspace itself. Never throws for a failing script, only for
     * infrastructure problems.
     */
    Outcome train(TrialPlan plan, RunLog log);

    /** Removes what the trials shared; nothing by default. */
    @Override
    default void close() {
        // a trainer that shares nothing between trials has nothing to remove
    }

    /**
     * How a training (one trial's container) ended.
     *
     * @param state          COMPLETE (exit 0), FAILED, TIMED_OUT or CANCELLED
     * @param durationMillis wall time
     * @param imageDigest    the image actually used
     * @param metricLines    {@code MLOPS_METRIC} lines the script printed
     * @param message        why it failed, or {@code null}
     */
    record Outcome(TrialState state, long durationMillis, String imageDigest, List<String> metricLines,
            String message) {
    }
}
