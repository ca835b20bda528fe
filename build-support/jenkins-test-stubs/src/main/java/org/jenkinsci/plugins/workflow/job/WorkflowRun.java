package org.jenkinsci.plugins.workflow.job;

import hudson.model.Run;
import org.jenkinsci.plugins.workflow.flow.FlowExecution;
import org.jenkinsci.plugins.workflow.flow.FlowExecutionOwner;

/** Compile-only stub of org.jenkinsci.plugins.workflow.job.WorkflowRun (workflow-job 1571.1580.v18e46842c125); never on a runtime classpath. */
public final class WorkflowRun extends Run<WorkflowJob, WorkflowRun> implements FlowExecutionOwner.Executable {
    public FlowExecution getExecution() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
