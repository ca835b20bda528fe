package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/** Compile-only stub of org.jenkinsci.plugins.workflow.steps.StepDescriptor (workflow-step-api 724.v538c2362b_dfb_); never on a runtime classpath. */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();
}
