package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.Run;

/**
 * The settings of the mlopsCheckAccuracy step, shared by {@link CheckAccuracyBuilder} (freestyle) and {@link
 * CheckAccuracyStep} (Pipeline). Reads the metric of the latest trial and judges it against the target; below target
 * the build becomes UNSTABLE, no usable metric fails it.
 */
public interface CheckAccuracySettings extends StepSettings {
    /**
     * Metric: The metric to judge, as the training script reports it (metrics.json, accuracy.txt or a MLOPS_METRIC
     * name=value line). Leave empty for metric of mlops.yml, else accuracy.
     */
    String getMetric();

    /**
     * Target: The value to reach, e.g. 0.9 for 90 % accuracy. Leave empty for target of mlops.yml, else the default
     * target of the global configuration, else 0.90.
     */
    Double getTarget();

    @Override
    default StepOrder order(final Run<?, ?> run) throws AbortException {
        return new StepOrder.Check(getMetric(), getTarget());
    }
}
