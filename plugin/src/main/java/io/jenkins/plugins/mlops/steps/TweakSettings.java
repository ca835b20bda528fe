package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlops.config.CredentialsResolver;

/**
 * The settings of the mlopsTweak step, shared by {@link TweakBuilder} (freestyle) and {@link TweakStep} (Pipeline).
 * Changes the model for the next trial (hyperparameters or a source edit). In via-git mode the tweak is committed
 * and pushed with trailers, so the next SCM poll retrains; the trailers bound the number of trials. Does nothing when
 * the gate passed.
 */
public interface TweakSettings extends StepSettings {
    /**
     * Mode: via-git: commit and push the tweak so the next poll retrains. in-build: keep the tweak in the
     * workspace for a train step later in the same build. Leave empty for mode of mlops.yml, else in-build.
     */
    String getMode();

    /**
     * Maximum trials: The study stops tweaking after this many trials. Leave empty for max_trials of mlops.yml, else
     * 10.
     */
    Integer getMaxTrials();

    /**
     * Credentials: Username and password (or token) to push the tweak with, from the credentials plugin. Leave
     * empty when pushing needs none.
     */
    String getCredentialsId();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Tweak(getMode(), getMaxTrials(), CredentialsResolver.git(run, getCredentialsId()));
    }
}
