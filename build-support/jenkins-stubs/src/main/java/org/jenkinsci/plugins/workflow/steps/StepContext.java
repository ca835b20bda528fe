package org.jenkinsci.plugins.workflow.steps;

import java.io.IOException;
import java.io.Serializable;

/** Compile-only stub of org.jenkinsci.plugins.workflow.steps.StepContext (workflow-step-api 724.v538c2362b_dfb_); never on a runtime classpath. */
public abstract class StepContext implements Serializable {
    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;
}
