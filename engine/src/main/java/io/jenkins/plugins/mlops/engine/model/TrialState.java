package io.jenkins.plugins.mlops.engine.model;

/**
 * Where a trial (one training, in its own container) stands; the words follow Optuna's TrialState. Optuna's PRUNED
 * has no counterpart: a trial reports one metric at its end, so a study that no longer improves stops (the plateau
 * rule) rather than cutting trials short.
 */
public enum TrialState {
    RUNNING, COMPLETE, FAILED, TIMED_OUT, CANCELLED;

    /** Whether the trial has ended, whatever the outcome. */
    public boolean isFinished() {
        return this != RUNNING;
    }
}
