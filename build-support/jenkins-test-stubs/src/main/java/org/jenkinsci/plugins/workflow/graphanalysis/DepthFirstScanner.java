package org.jenkinsci.plugins.workflow.graphanalysis;

/** Compile-only stub of org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public class DepthFirstScanner extends AbstractFlowScanner {
}
