package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlops.config.CredentialsResolver;

/**
 * The settings of the mlopsPublish step, shared by {@link PublishBuilder} (freestyle) and {@link PublishStep}
 * (Pipeline). Commits the trained model with a model card to a models branch and tags it, when the gate passed.
 */
public interface PublishSettings extends StepSettings {
    /**
     * Remote URL: The repository to push the model to. Leave empty for the repository this build fetched (the
     * workspace's origin).
     */
    String getRemote();

    /** Models branch: The branch the model commit goes to. Default: mlops/models. */
    String getBranch();

    /** Credentials: Username and password (or token) to push with, from the credentials plugin. */
    String getCredentialsId();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Publish(getRemote(), getBranch(), CredentialsResolver.git(run, getCredentialsId()));
    }
}
