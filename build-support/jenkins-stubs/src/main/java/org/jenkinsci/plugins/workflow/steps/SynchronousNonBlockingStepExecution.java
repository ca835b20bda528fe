package org.jenkinsci.plugins.workflow.steps;

/** Compile-only stub of org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution (workflow-step-api 724.v538c2362b_dfb_); never on a runtime classpath. */
public abstract class SynchronousNonBlockingStepExecution<T> extends StepExecution {
    protected SynchronousNonBlockingStepExecution(StepContext context) {
        super(context);
    }

    protected abstract T run() throws Exception;

    @Override
    public final boolean start() throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
