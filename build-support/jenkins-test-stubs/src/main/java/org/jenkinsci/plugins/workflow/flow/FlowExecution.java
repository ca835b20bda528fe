package org.jenkinsci.plugins.workflow.flow;

/** Compile-only stub of org.jenkinsci.plugins.workflow.flow.FlowExecution (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public abstract class FlowExecution {
}
