package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;

/**
 * The settings of the mlopsTrain step, shared by {@link TrainBuilder} (freestyle) and {@link TrainStep} (Pipeline).
 * Trains one trial in a Docker container on the agent, with the image of the detected framework.
 */
public interface TrainSettings extends StepSettings {
    /**
     * Trainer image: A Docker image to train with instead of the one configured for the detected framework (Manage
     * Jenkins > System > MLOps). Leave empty for the configured one.
     */
    String getImage();

    /**
     * Timeout (minutes): How long the training container may run before it is stopped and the trial counts as
     * timed out. Leave empty for train.timeout of mlops.yml, else 2 hours.
     */
    Integer getTimeoutMinutes();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Train(getImage(), getTimeoutMinutes());
    }
}
