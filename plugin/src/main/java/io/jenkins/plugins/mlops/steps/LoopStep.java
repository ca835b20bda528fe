package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.mlops.config.JenkinsFacade;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * The Pipeline step mlopsLoop. Runs fetch, detect, train and check, then tweaks and retrains in this build until the
 * target is met or the trials run out; publishes and mails when the gate passed.
 */
public class LoopStep extends MlopsStep implements LoopSettings {
    private final String url;
    private String branch = "main";
    private String credentialsId = "";
    private String image = "";
    private Integer timeoutMinutes;
    private String metric = "";
    private Double target;
    private Integer maxTrials;
    private String recipients = "";
    private String publishBranch = "";

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
    public Integer getTimeoutMinutes() {
        return timeoutMinutes;
    }

    @DataBoundSetter
    public void setTimeoutMinutes(final Integer timeoutMinutes) {
        this.timeoutMinutes = SettingValues.positive("Timeout (minutes)", timeoutMinutes);
    }

    @Override
    public String getMetric() {
        return metric;
    }

    @DataBoundSetter
    public void setMetric(final String metric) {
        this.metric = FormChecks.trim(metric);
    }

    @Override
    public Double getTarget() {
        return target;
    }

    @DataBoundSetter
    public void setTarget(final Double target) {
        this.target = SettingValues.target("Target", target);
    }

    @Override
    public Integer getMaxTrials() {
        return maxTrials;
    }

    @DataBoundSetter
    public void setMaxTrials(final Integer maxTrials) {
        this.maxTrials = SettingValues.positive("Maximum trials", maxTrials);
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
        this.publishBranch = FormChecks.trim(publishBranch);
    }

    @Override
    Object result(final ChainState state) {
        return StepResults.gate(state);
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        /** The loop's recipients are optional: without them nobody is mailed. */
        @POST
        @Override
        public FormValidation doCheckRecipients(@AncestorInPath final Item item, @QueryParameter final String value) {
            return new JenkinsFacade().canConfigure(item) ? FormChecks.optionalRecipients(value) : FormValidation.ok();
        }

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
