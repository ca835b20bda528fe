package org.jenkinsci.plugins.workflow.graphanalysis;

import java.util.List;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.graph.FlowNode;

/** Compile-only stub of org.jenkinsci.plugins.workflow.graphanalysis.AbstractFlowScanner (workflow-api 1413.v2ff1a_5e720fa_); never on a runtime classpath. */
public abstract class AbstractFlowScanner {
    public List<FlowNode> allNodes(FlowExecution exec) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
