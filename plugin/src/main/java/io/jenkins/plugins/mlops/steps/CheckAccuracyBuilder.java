package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import io.jenkins.plugins.mlops.ui.FormChecks;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The freestyle build step mlopsCheckAccuracy. Reads the metric of the latest trial and judges it against the
 * target; below target the build becomes UNSTABLE, no usable metric fails it.
 */
public class CheckAccuracyBuilder extends MlopsBuilder implements CheckAccuracySettings {
    private String metric = "";
    private Double target;

    /**
     * Settings for mlopsCheckAccuracy; all are optional.
     */
    @DataBoundConstructor
    public CheckAccuracyBuilder() {
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

    /** Registers the builder and its short name for Pipeline and Configuration as Code. */
    @Extension
    @Symbol("mlopsCheckAccuracy")
    public static final class DescriptorImpl extends MlopsBuilderDescriptor {
        @Override
        public String getDisplayName() {
            return "MLOps: check the accuracy against the target";
        }
    }
}
