package org.jenkinsci.plugins.workflow.flow;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Compile-only stub of org.jenkinsci.plugins.workflow.flow.FlowDefinition (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public abstract class FlowDefinition extends AbstractDescribableImpl<FlowDefinition> implements ExtensionPoint {
}
