package org.jenkinsci.plugins.workflow.job;

import hudson.model.Job;
import hudson.model.TopLevelItem;
import jenkins.model.ParameterizedJobMixIn;
import org.jenkinsci.plugins.workflow.flow.FlowDefinition;

/** Compile-only stub of org.jenkinsci.plugins.workflow.job.WorkflowJob (workflow-job 1571.1580.v18e46842c125); never on a runtime classpath. */
public final class WorkflowJob extends Job<WorkflowJob, WorkflowRun> implements ParameterizedJobMixIn.ParameterizedJob<WorkflowJob, WorkflowRun>, TopLevelItem {
    public FlowDefinition getDefinition() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void setDefinition(FlowDefinition definition) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
