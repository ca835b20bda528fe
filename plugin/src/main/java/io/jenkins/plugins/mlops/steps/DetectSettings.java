package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;

/**
 * The settings of the mlopsDetect step, shared by {@link DetectBuilder} (freestyle) and {@link DetectStep}
 * (Pipeline). Finds the training script and detects its framework and architecture, which pick the trainer image.
 */
public interface DetectSettings extends StepSettings {
    /**
     * Training script: The training script or notebook, relative to the workspace. Leave empty to let the step
     * find it.
     */
    String getEntry();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Detect(getEntry());
    }
}
