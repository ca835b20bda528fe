import hudson.model.Descriptor;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** WrongJenkinsRuleUse with its mistakes fixed. */
class RightJenkinsRuleUse {
    void run(final JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        j.assertLogContains("done", j.buildAndAssertSuccess(job));
    }

    CpsFlowDefinition script() throws Descriptor.FormException {
        return new CpsFlowDefinition("echo 'done'", true);
    }
}
