package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import hudson.model.Result;
import java.nio.file.Path;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.graphanalysis.DepthFirstScanner;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Each Pipeline step runs in a sandboxed script and gives back what the docs promise. */
@WithJenkins
class PipelineStepsTest {
    /** mlopsFetch and mlopsDetect run without Docker; detect returns framework, architecture and image. */
    @Test
    void shouldFetchAndDetect(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        WorkflowRun run = run(j, """
                node {
                  mlopsFetch url: '%s', branch: 'main'
                  def t = mlopsDetect()
                  echo "framework=${t.framework} architecture=${t.architecture} image=${t.image}"
                }
                """.formatted(ModelRepository.create(repo)), Result.SUCCESS);

        j.assertLogContains("framework=sklearn architecture=logistic_regression image=", run);
    }

    /**
     * An inline Jenkinsfile's mlopsFetch is not an SCM Jenkins polls: the build log says so and how to set up
     * polling, instead of a via-git loop that silently never retrains.
     */
    @Test
    void shouldSayWhenNothingPollsTheRepository(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        WorkflowRun run = run(j, """
                node {
                  mlopsFetch url: '%s', branch: 'main'
                }
                """.formatted(ModelRepository.create(repo)), Result.SUCCESS);

        j.assertLogContains("Jenkins does not poll", run);
        j.assertLogContains("mlopsFetch is not an SCM", run);
    }

    /** mlopsTrain then mlopsCheckAccuracy give a metric and a verdict. */
    @Test
    void shouldTrainAndCheck(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        assumeThat(ModelRepository.dockerAvailable()).as("needs a Docker daemon").isTrue();
        WorkflowRun run = run(j, """
                node {
                  mlopsFetch url: '%s'
                  mlopsDetect()
                  def trial = mlopsTrain timeoutMinutes: 10
                  def gate = mlopsCheckAccuracy metric: 'accuracy', target: 0.5
                  echo "trial=${trial.trial} verdict=${gate.verdict} passed=${gate.passed}"
                }
                """.formatted(ModelRepository.create(repo)), Result.SUCCESS);

        j.assertLogContains("trial=1 verdict=PASSED passed=true", run);
    }

    /**
     * Below target the build is UNSTABLE, the check's own flow node carries a WarningAction (so stage view and graph
     * view show the stage unstable, not green), and mlopsTweak prepares the next trial in-build, saying what it
     * changed.
     */
    @Test
    void shouldTweakBelowTarget(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        assumeThat(ModelRepository.dockerAvailable()).as("needs a Docker daemon").isTrue();
        WorkflowRun run = run(j, """
                node {
                  mlopsFetch url: '%s'
                  mlopsDetect()
                  mlopsTrain()
                  def gate = mlopsCheckAccuracy target: 0.999
                  if (!gate.passed) {
                    def t = mlopsTweak mode: 'in-build', maxTrials: 2
                    echo "tweaked=${t.tweaked} commit=${t.commit} change=${t.change}"
                  }
                }
                """.formatted(ModelRepository.create(repo)), Result.UNSTABLE);

        j.assertLogContains("marking the build UNSTABLE", run);
        j.assertLogContains("tweaked=true commit=null change=[", run);
        FlowNode check = new DepthFirstScanner().allNodes(run.getExecution()).stream()
                .filter(node -> "mlopsCheckAccuracy".equals(node.getDisplayFunctionName())).findFirst().orElseThrow();
        assertThat(check.getPersistentAction(WarningAction.class)).isNotNull();
        assertThat(check.getPersistentAction(WarningAction.class).getResult()).isEqualTo(Result.UNSTABLE);
    }

    /** In via-git mode mlopsTweak commits the tweak with trailers and pushes it, so the next poll retrains. */
    @Test
    void shouldPushTheTweakViaGit(final JenkinsRule j, @TempDir final Path dir) throws Exception {
        assumeThat(ModelRepository.dockerAvailable()).as("needs a Docker daemon").isTrue();
        Path remote = dir.resolve("model.git");
        WorkflowRun run = run(j, """
                node {
                  mlopsFetch url: '%s'
                  mlopsDetect()
                  mlopsTrain()
                  mlopsCheckAccuracy target: 0.999
                  def t = mlopsTweak mode: 'via-git', maxTrials: 3
                  echo "tweaked=${t.tweaked} commit=${t.commit}"
                }
                """.formatted(ModelRepository.createBare(remote)), Result.UNSTABLE);

        j.assertLogContains("tweaked=true commit=", run);
        assertThat(ModelRepository.headMessage(remote, "main")).startsWith("mlops: trial 2: ")
                .contains("MLOps-Trial: 1", "MLOps-Target: 0.9990");
    }

    /** mlopsPublish pushes the model to the models branch of the fetched repository. */
    @Test
    void shouldPublish(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        assumeThat(ModelRepository.dockerAvailable()).as("needs a Docker daemon").isTrue();
        run(j, """
                node {
                  mlopsFetch url: '%s'
                  mlopsDetect()
                  mlopsTrain()
                  mlopsCheckAccuracy target: 0.5
                  mlopsPublish branch: 'mlops/models'
                }
                """.formatted(ModelRepository.create(repo)), Result.SUCCESS);

        try (var git = org.eclipse.jgit.api.Git.open(repo.toFile())) {
            assertThat(git.getRepository().findRef("refs/heads/mlops/models")).isNotNull();
        }
    }

    /** mlopsNotify before any check mails nobody and says why instead of failing the build. */
    @Test
    void shouldNotMailBeforeACheck(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        WorkflowRun run = run(j, """
                node {
                  mlopsFetch url: '%s'
                  mlopsNotify recipients: 'dev@example.com'
                }
                """.formatted(ModelRepository.create(repo)), Result.SUCCESS);

        j.assertLogContains("Not mailing: the model has not been checked yet", run);
    }

    /** mlopsLoop runs the whole chain and returns the gate's result. */
    @Test
    void shouldRunTheLoop(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        assumeThat(ModelRepository.dockerAvailable()).as("needs a Docker daemon").isTrue();
        WorkflowRun run = run(j, """
                node {
                  def result = mlopsLoop url: '%s', target: 0.5, maxTrials: 2
                  echo "loop verdict=${result.verdict} trials=${result.trials}"
                }
                """.formatted(ModelRepository.create(repo)), Result.SUCCESS);

        j.assertLogContains("loop verdict=PASSED", run);
    }

    private static WorkflowRun run(final JenkinsRule j, final String script, final Result expected)
            throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class);
        job.setDefinition(new CpsFlowDefinition(script, true));
        WorkflowRun run = j.waitForCompletion(job.scheduleBuild2(0).waitForStart());
        if (expected != null) {
            j.assertBuildStatus(expected, run);
        }
        return run;
    }
}
