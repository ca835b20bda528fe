package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsTrain. Trains one trial in a Docker container on the agent, with the image of the detected
 * framework. Given a {@code trial} from mlopsAsk, it trains that trial in a copy of the workspace (a fresh checkout
 * on any agent, with the agent's Docker) and returns its result for mlopsTell.
 */
public class TrainStep extends MlopsStep implements TrainSettings {
    private String image = "";
    private Integer timeoutMinutes;
    private Object trial;

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

    /** Trial: a trial map from mlopsAsk to train here; leave unset to train the workspace as the next trial. */
    public Object getTrial() {
        return trial;
    }

    @DataBoundSetter
    public void setTrial(final Object trial) {
        this.trial = trial;
    }

    @Override
    public StepOrder order(final Run<?, ?> run) throws AbortException {
        if (trial == null) {
            return TrainSettings.super.order(run);
        }
        return new StepOrder.TrainAsked(TrialMaps.spec(trial), getImage(), getTimeoutMinutes(), null);
    }

    @Override
    Object result(final StepOutcome outcome) {
        return trial == null ? StepResults.lastTrial(outcome.state()) : outcome.values();
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
