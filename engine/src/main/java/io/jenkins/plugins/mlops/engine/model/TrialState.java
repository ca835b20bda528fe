package io.jenkins.plugins.mlops.engine.model;

/** Where a trial (one training attempt) stands; the words follow Optuna's TrialState. */
public enum TrialState {
    RUNNING, COMPLETE, FAILED, TIMED_OUT, CANCELLED, PRUNED;

    /** Whether the trial has ended, whatever the outcome. */
    public boolean isFinished() {
        return this != RUNNING;
    }
}
