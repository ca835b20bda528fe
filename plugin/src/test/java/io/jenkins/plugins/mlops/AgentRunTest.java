package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.Label;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The engine work runs on the agent and its results cross the channel (remoting class filter included). */
@WithJenkins
class AgentRunTest {
    /** Fetch and detect on an agent stream the engine's log and bring the chain state back. */
    @Test
    void shouldRunOnAnAgent(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        j.createOnlineSlave(Label.get("ml"));
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition("""
                node('ml') {
                  mlopsFetch url: '%s'
                  def t = mlopsDetect()
                  echo "detected ${t.framework}"
                }
                """.formatted(ModelRepository.create(repo)), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("detected sklearn", run);
        j.assertLogContains("[mlops] ", run);
        assertThat(run.getAction(MlopsRunAction.class).getModelType()).startsWith("sklearn/");
    }
}
