package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsTweak. Changes the model for the next trial (hyperparameters or a source edit). In via-git
 * mode the tweak is committed and pushed with trailers, so the next SCM poll retrains; the trailers bound the number
 * of trials. Does nothing when the latest gate passed. Returns whether it made a tweak
 * ({@code def t = mlopsTweak(); if (t.tweaked) ...}).
 */
public class TweakStep extends MlopsStep implements TweakSettings {
    private String mode = "";
    private Integer maxTrials;
    private String credentialsId = "";

    /**
     * Settings for mlopsTweak; all are optional.
     */
    @DataBoundConstructor
    public TweakStep() {
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

    /** A map: {@code tweaked}, {@code change}, {@code diff}, {@code params}, {@code commit}, {@code reason}. */
    @Override
    Object result(final StepOutcome outcome) {
        return outcome.values();
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsTweak";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: tweak the model for the next trial";
        }
    }
}
