package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsCheckAccuracy. Reads the metric of the latest trial and judges it against the target; below
 * target the build becomes UNSTABLE, no usable metric fails it.
 */
public class CheckAccuracyStep extends MlopsStep implements CheckAccuracySettings {
    private String metric = "";
    private Double target;

    /**
     * Settings for mlopsCheckAccuracy; all are optional.
     */
    @DataBoundConstructor
    public CheckAccuracyStep() {
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
    Object result(final ChainState state) {
        return StepResults.gate(state);
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsCheckAccuracy";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: check the accuracy against the target";
        }
    }
}
