package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.ui.FormChecks;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsDetect. Finds the training script and detects its framework and architecture, which pick
 * the trainer image.
 */
public class DetectStep extends MlopsStep implements DetectSettings {
    private String entry = "";

    /**
     * Settings for mlopsDetect; all are optional.
     */
    @DataBoundConstructor
    public DetectStep() {
    }

    @Override
    public String getEntry() {
        return entry;
    }

    @DataBoundSetter
    public void setEntry(final String entry) {
        this.entry = FormChecks.trim(entry);
    }

    @Override
    Object result(final ChainState state) {
        return StepResults.detection(state);
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsDetect";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: detect the model type";
        }
    }
}
