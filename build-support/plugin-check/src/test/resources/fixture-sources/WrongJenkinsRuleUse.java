import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jvnet.hudson.test.JenkinsRule;

/** Two mistakes the real jenkins-test-harness rejects at compile time. */
class WrongJenkinsRuleUse {
    void run(final JenkinsRule j) throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "p", true);
        j.assertLogContain("done", j.buildAndAssertSuccess(job));
    }
}
