package io.jenkins.plugins.mlops.steps;

import hudson.Extension;
import hudson.model.Run;
import io.jenkins.plugins.mlops.ui.SettingValues;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * The Pipeline step mlopsAsk: asks the study in the workspace for up to {@code count} new trials, each recorded
 * RUNNING under a lease, and returns them as a list of maps ({@code trial}, {@code change}, {@code params}, ...) to
 * hand to {@code mlopsTrain(trial: t)} on any agent. An empty list means the study has stopped.
 */
public class AskStep extends MlopsStep {
    private int count = 1;
    private Integer leaseMinutes;

    /** Settings for mlopsAsk; all are optional. */
    @DataBoundConstructor
    public AskStep() {
    }

    /** Trials: how many trials to ask for at most (trials of a search space; source edits come one at a time). */
    public int getCount() {
        return count;
    }

    @DataBoundSetter
    public void setCount(final int count) {
        this.count = SettingValues.positive("Trials", count);
    }

    /**
     * Lease (minutes): how long an asked trial may stay without a result before it counts as failed (its agent
     * died). Leave empty for the training timeout plus 5 minutes.
     */
    public Integer getLeaseMinutes() {
        return leaseMinutes;
    }

    @DataBoundSetter
    public void setLeaseMinutes(final Integer leaseMinutes) {
        this.leaseMinutes = SettingValues.positive("Lease (minutes)", leaseMinutes);
    }

    @Override
    public StepOrder order(final Run<?, ?> run) {
        return new StepOrder.Ask(count, leaseMinutes);
    }

    @Override
    Object result(final StepOutcome outcome) {
        return outcome.values().get("trials");
    }

    /** Registers the step under its function name. */
    @Extension
    public static final class DescriptorImpl extends MlopsStepDescriptor {
        @Override
        public String getFunctionName() {
            return "mlopsAsk";
        }

        @Override
        public String getDisplayName() {
            return "MLOps: ask the study for trials to train on agents";
        }
    }
}
