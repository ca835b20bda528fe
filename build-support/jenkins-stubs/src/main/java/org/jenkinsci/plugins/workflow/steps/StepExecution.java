package org.jenkinsci.plugins.workflow.steps;

import java.io.Serializable;

/** Compile-only stub of org.jenkinsci.plugins.workflow.steps.StepExecution (workflow-step-api 724.v538c2362b_dfb_); never on a runtime classpath. */
public abstract class StepExecution implements Serializable {
    protected StepExecution(StepContext context) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public StepContext getContext() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public abstract boolean start() throws Exception;
}
