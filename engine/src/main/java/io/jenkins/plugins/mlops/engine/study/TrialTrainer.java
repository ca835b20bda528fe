package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.List;

/** Trains one trial (in a container, in production); a seam so the loop's logic is tested without Docker. */
interface TrialTrainer {
    /** Trains {@code plan}; never throws for a failing script, only for infrastructure problems. */
    Outcome train(TrialPlan plan, RunLog log);

    /**
     * How a training attempt ended.
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
