package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;

/**
 * What a freestyle builder and its Pipeline step have in common: they turn their settings into the same
 * {@link StepOrder}, so both run the one code path in {@link StepRunner}.
 */
public interface StepSettings {
    /**
     * The engine work these settings ask for, with credentials resolved for {@code run}.
     *
     * @param run the build the step runs in
     * @return the order to run on the agent
     * @throws AbortException if a setting cannot be used (e.g. unknown credentials)
     */
    StepOrder order(Run<?, ?> run) throws AbortException;
}
