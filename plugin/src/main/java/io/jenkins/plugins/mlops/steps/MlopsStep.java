package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import java.io.IOException;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;

/**
 * A Pipeline step of the chain. It runs on a background thread (training takes minutes), through the same
 * {@link StepRunner} as the freestyle builders; aborting the build interrupts that thread and the engine removes
 * its container.
 */
public abstract class MlopsStep extends Step implements StepSettings {
    @Override
    public StepExecution start(final StepContext context) throws Exception {
        return new Execution(context, this);
    }

    /**
     * What the step gives back to the Pipeline script, from the chain state after it; {@code null} by default.
     *
     * @param state the chain state after the step
     * @return a serialisable value of plain types (maps, strings, numbers)
     */
    Object result(final ChainState state) {
        return null;
    }

    /**
     * What the step gives back to the Pipeline script; by default {@link #result(ChainState)} of the chain state. Steps
     * whose result is not in the chain state (mlopsTweak) return the values the engine reported.
     *
     * @param outcome what came back from the agent
     * @return a serialisable value of plain types (maps, strings, numbers)
     */
    Object result(final StepOutcome outcome) {
        return result(outcome.state());
    }

    /** Runs the step; the step itself is not serialisable and a background step cannot resume anyway. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Object> {
        private static final long serialVersionUID = 1L;

        private final transient MlopsStep step;

        Execution(final StepContext context, final MlopsStep step) {
            super(context);
            this.step = step;
        }

        @Override
        protected Object run() throws Exception {
            Run<?, ?> run = required(Run.class);
            FilePath workspace = required(FilePath.class);
            TaskListener listener = required(TaskListener.class);
            EnvVars environment = getContext().get(EnvVars.class);
            return step.result(new StepRunner().perform(run, workspace,
                    environment == null ? new EnvVars() : environment, listener, step, this::markUnstable));
        }

        /**
         * Marks this step's flow node as the {@code unstable} and {@code junit} steps do, so stage view and graph
         * view show the stage as unstable, not green.
         */
        private void markUnstable(final String reason) throws IOException, InterruptedException {
            FlowNode node = getContext().get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(reason));
            }
        }

        private <T> T required(final Class<T> type) throws IOException, InterruptedException {
            T value = getContext().get(type);
            if (value == null) {
                throw new AbortException("The mlops steps need a " + type.getSimpleName()
                        + "; call them inside node { } (or an agent section).");
            }
            return value;
        }
    }
}
