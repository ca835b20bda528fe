package org.jenkinsci.plugins.workflow.graph;

import hudson.model.Action;
import hudson.model.Actionable;
import hudson.model.Saveable;

/** Compile-only stub of org.jenkinsci.plugins.workflow.graph.FlowNode (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public abstract class FlowNode extends Actionable implements Saveable {
    public String getDisplayFunctionName() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public final <T extends Action> T getPersistentAction(Class<T> type) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
