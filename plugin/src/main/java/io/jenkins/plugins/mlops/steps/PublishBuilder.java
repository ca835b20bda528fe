package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step mlopsPublish. Commits the trained model with a model card to a models branch and tags it,
 * when the gate passed.
 */
public class PublishBuilder extends MlopsBuilder implements PublishSettings {
    private String remote = "";
    private String branch = "mlops/models";
    private String credentialsId = "";

    /**
     * Settings for mlopsPublish; all are optional.
     */
    @DataBoundConstructor
    public PublishBuilder() {
    }

    @Override
    public String getRemote() {
        return remote;
    }

    @DataBoundSetter
    public void setRemote(final String remote) {
        this.remote = FormChecks.trim(remote);
    }

    @Override
    public String getBranch() {
        return branch;
    }

    @DataBoundSetter
    public void setBranch(final String branch) {
        this.branch = FormChecks.orDefault(branch, "mlops/models");
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = FormChecks.trim(credentialsId);
    }

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsPublish")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: publish the model to git";
        }
    }
}
