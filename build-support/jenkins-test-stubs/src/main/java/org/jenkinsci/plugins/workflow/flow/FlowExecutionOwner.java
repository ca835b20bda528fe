package org.jenkinsci.plugins.workflow.flow;

import hudson.model.Queue;
import java.io.Serializable;

/** Compile-only stub of org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public abstract class FlowExecutionOwner implements Serializable {
    /** Compile-only stub of org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner.Executable. */
    public interface Executable extends Queue.Executable {
    }
}
