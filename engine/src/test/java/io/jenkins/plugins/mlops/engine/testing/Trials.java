package io.jenkins.plugins.mlops.engine.testing;

import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.util.Map;

/** Builds trial records the way run.json holds them, for sampler and pruner tests. */
public final class Trials {
    private Trials() {
    }

    /** A complete trial with {@code params} and {@code metric}. */
    public static TrialRecord complete(final int number, final Map<String, Object> params, final double metric) {
        return TrialRecord.running(number, params, null, null, null, null)
                .finish(TrialState.COMPLETE, metric, 1000, null, null);
    }

    /** A trial that ended in {@code state} without a metric. */
    public static TrialRecord ended(final int number, final Map<String, Object> params, final TrialState state) {
        return TrialRecord.running(number, params, null, null, null, null).finish(state, null, 1000, null, "boom");
    }

    /** A trial still running. */
    public static TrialRecord running(final int number, final Map<String, Object> params) {
        return TrialRecord.running(number, params, null, null, null, null);
    }
}
