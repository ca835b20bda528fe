package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlops.config.CredentialsResolver;

/**
 * The settings of the mlopsFetch step, shared by {@link FetchBuilder} (freestyle) and {@link FetchStep} (Pipeline).
 * Clones or updates the model repository into the workspace and records the commit the chain starts from.
 */
public interface FetchSettings extends StepSettings {
    /** Repository URL: The URL of the model repository: https://..., ssh://..., git@host:path or file://.... */
    String getUrl();

    /** Branch: The branch to check out. Default: main. */
    String getBranch();

    /**
     * Credentials: Username and password (or token) for the repository, from the credentials plugin. Leave empty
     * for public repositories. The secret is only handed to git on the agent and never printed.
     */
    String getCredentialsId();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Fetch(getUrl(), getBranch(), CredentialsResolver.git(run, getCredentialsId()));
    }
}
