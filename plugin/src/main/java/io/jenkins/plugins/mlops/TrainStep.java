package io.jenkins.plugins.mlops;

import hudson.Extension;
import io.jenkins.plugins.mlops.engine.model.RunState;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsTrain. Trains one trial in a Docker container on the agent, with the image of the detected
 * framework.
 */
public class TrainStep extends MlopsStep implements TrainSettings {
    private String image = "";
    private Integer timeoutMinutes;

    /**
     * Settings for mlopsTrain; all are optional.
     */
    @DataBoundConstructor
    public TrainStep() {
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
    Object result(final RunState state) {
        return StepResults.lastTrial(state);
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsTrain";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: train the model in a container";
        }
    }
}
