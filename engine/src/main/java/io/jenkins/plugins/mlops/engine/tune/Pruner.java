package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import java.util.List;

/**
 * Decides whether a study should stop trying (Optuna prunes single trials; our trials report one metric at the end,
 * so pruning here means ending the study). Budgets (max trials, time) are the loop's, not a pruner's.
 */
@FunctionalInterface
public interface Pruner {
    /**
     * Whether to start no further trial.
     *
     * @param history   every trial of the study so far, in number order
     * @param direction whether a bigger metric is better
     * @return whether the study should stop
     */
    boolean shouldStop(List<TrialRecord> history, Direction direction);

    /** A pruner that never stops a study. */
    static Pruner never() {
        return (history, direction) -> false;
    }
}
