package io.jenkins.plugins.mlops;

import hudson.Extension;
import io.jenkins.plugins.mlops.engine.model.RunState;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsLoop. Runs fetch, detect, train and check, then tweaks and retrains in this build until the
 * target is met or the trials run out; mails and publishes when the gate passed.
 */
public class LoopStep extends MlopsStep implements LoopSettings {
    private final String url;
    private String branch = "main";
    private String credentialsId = "";
    private String image = "";
    private int timeoutMinutes = DEFAULT_TIMEOUT_MINUTES;
    private String metric = "accuracy";
    private Double target;
    private int maxTrials = DEFAULT_MAX_TRIALS;
    private String recipients = "";
    private String publishBranch = "mlops/models";

    /**
     * Settings for mlopsLoop; the rest are optional.
     *
     * @param url The URL of the model repository: https://..., ssh://..., git@host:path or file://....
     */
    @DataBoundConstructor
    public LoopStep(final String url) {
        this.url = FormChecks.trim(url);
    }

    @Override
    public String getUrl() {
        return url;
    }

    @Override
    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(final String branch) {
        this.branch = FormChecks.orDefault(branch, "main");
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = FormChecks.trim(credentialsId);
    }

    @Override
    public String getImage() {
        return image;
    }

    @DataBoundSetter
    public void setImage(final String image) {
        this.image = FormChecks.trim(image);
    }

    @Override
    public int getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(final int timeoutMinutes) {
        this.timeoutMinutes = timeoutMinutes;
    }

    @Override
    public String getMetric() {
        return metric;
    }

    @DataBoundSetter
    public void setMetric(final String metric) {
        this.metric = FormChecks.orDefault(metric, "accuracy");
    }

    @Override
    public Double getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(final Double target) {
        this.target = target;
    }

    @Override
    public int getMaxTrials() {
        return maxTrials;
    }

    @DataBoundSetter
    public void setMaxTrials(final int maxTrials) {
        this.maxTrials = maxTrials;
    }

    @Override
    public String getRecipients() {
        return recipients;
    }

    @DataBoundSetter
    public void setRecipients(final String recipients) {
        this.recipients = FormChecks.trim(recipients);
    }

    @Override
    public String getPublishBranch() {
        return publishBranch;
    }

    @DataBoundSetter
    public void setPublishBranch(final String publishBranch) {
        this.publishBranch = FormChecks.orDefault(publishBranch, "mlops/models");
    }

    @Override
    Object result(final RunState state) {
        return StepResults.gate(state);
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsLoop";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: the whole chain with the bounded training loop";
        }
    }
}
