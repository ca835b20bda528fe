package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlops.config.CredentialsResolver;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;

/**
 * The settings of the Pipeline-only step mlopsLoop ({@link LoopStep}). Runs fetch, detect, train and check, then
 * tweaks and retrains in this build until the target is met or the trials run out; publishes and mails when the gate
 * passed.
 */
public interface LoopSettings extends StepSettings {
    /** Repository URL: The URL of the model repository: https://..., ssh://..., git@host:path or file://.... */
    String getUrl();

    /** Branch: The branch to check out. Default: main. */
    String getBranch();

    /**
     * Credentials: Username and password (or token) for the repository, from the credentials plugin. Leave empty
     * for public repositories. The secret is only handed to git on the agent and never printed.
     */
    String getCredentialsId();

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

    /**
     * Metric: The metric to judge, as the training script reports it (metrics.json, accuracy.txt or a MLOPS_METRIC
     * name=value line). Leave empty for metric of mlops.yml, else accuracy.
     */
    String getMetric();

    /**
     * Target: The value to reach, e.g. 0.9 for 90 % accuracy. Leave empty for target of mlops.yml, else the default
     * target of the global configuration, else 0.90.
     */
    Double getTarget();

    /** Maximum trials: The study stops after this many trials. Leave empty for max_trials of mlops.yml, else 10. */
    Integer getMaxTrials();

    /** Recipients: Comma-separated mail addresses to tell when the target is met. Leave empty to send no mail. */
    String getRecipients();

    /**
     * Models branch: The branch of the fetched repository the winning model is pushed to. Leave empty for
     * publish.branch of mlops.yml, else mlops/models.
     */
    String getPublishBranch();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        GitCredentials git = CredentialsResolver.git(run, getCredentialsId());
        return new StepOrder.Loop(new StepOrder.Fetch(getUrl(), getBranch(), git),
                new StepOrder.Train(getImage(), getTimeoutMinutes()),
                new StepOrder.Check(getMetric(), getTarget()),
                new StepOrder.Tweak("", getMaxTrials(), git), new StepOrder.Notify(getRecipients()),
                new StepOrder.Publish("", getPublishBranch(), git));
    }
}
