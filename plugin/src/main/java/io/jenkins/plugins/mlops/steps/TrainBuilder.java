package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step mlopsTrain. Trains one trial in a Docker container on the agent, with the image of the
 * detected framework.
 */
public class TrainBuilder extends MlopsBuilder implements TrainSettings {
    private String image = "";
    private Integer timeoutMinutes;

    /**
     * Settings for mlopsTrain; all are optional.
     */
    @DataBoundConstructor
    public TrainBuilder() {
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

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsTrain")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: train the model in a container";
        }
    }
}
