package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step mlopsTweak. Changes the model for the next trial (hyperparameters or a source edit). In
 * via-git mode the tweak is committed and pushed with trailers, so the next SCM poll retrains; the trailers bound
 * the number of trials. Does nothing when the gate passed.
 */
public class TweakBuilder extends MlopsBuilder implements TweakSettings {
    private String mode = "";
    private Integer maxTrials;
    private String credentialsId = "";

    /**
     * Settings for mlopsTweak; all are optional.
     */
    @DataBoundConstructor
    public TweakBuilder() {
    }

    @Override
    public String getMode() {
        return mode;
    }

    @DataBoundSetter
    public void setMode(final String mode) {
        this.mode = FormChecks.trim(mode);
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
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(final String credentialsId) {
        this.credentialsId = FormChecks.trim(credentialsId);
    }

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsTweak")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: tweak the model for the next trial";
        }
    }
}
