package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.mlops.steps.CheckAccuracyBuilder;
import io.jenkins.plugins.mlops.steps.DetectBuilder;
import io.jenkins.plugins.mlops.steps.FetchBuilder;
import io.jenkins.plugins.mlops.steps.NotifyBuilder;
import io.jenkins.plugins.mlops.steps.PublishBuilder;
import io.jenkins.plugins.mlops.steps.TrainBuilder;
import io.jenkins.plugins.mlops.steps.TweakBuilder;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** A freestyle job runs the chain's first steps through the same path as Pipeline. */
@WithJenkins
class FreestyleRunTest {
    /** Fetch and detect in a freestyle job record the model type on the build page. */
    @Test
    void shouldFetchAndDetectInAFreestyleJob(final JenkinsRule j, @TempDir final Path repo) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new FetchBuilder(ModelRepository.create(repo)));
        project.getBuildersList().add(new DetectBuilder());

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        MlopsRunAction action = build.getAction(MlopsRunAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getModelType()).startsWith("sklearn/");
        j.assertLogContains("[mlops] ", build);
        try (JenkinsRule.WebClient web = j.createWebClient()) {
            assertThat(web.getPage(build, "mlops").asNormalizedText()).contains("Pipeline", "Trials");
            assertThat(web.getPage(build).asNormalizedText()).contains("MLOps:");
            assertThat(web.getPage(project, "mlops-trend").asNormalizedText()).contains("#" + build.getNumber());
        }
    }

    /**
     * The seed's chain below target: every builder runs; the check marks the build UNSTABLE, the tweak is pushed with
     * trailers, and notify and publish do nothing.
     */
    @Test
    void shouldPushTheTweakAndNeitherMailNorPublishBelowTarget(final JenkinsRule j, @TempDir final Path dir)
            throws Exception {
        assumeThat(ModelRepository.dockerAvailable()).as("needs a Docker daemon").isTrue();
        Path remote = dir.resolve("model.git");
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new FetchBuilder(ModelRepository.createBare(remote)));
        project.getBuildersList().add(new DetectBuilder());
        project.getBuildersList().add(new TrainBuilder());
        CheckAccuracyBuilder check = new CheckAccuracyBuilder();
        check.setTarget(0.999);
        project.getBuildersList().add(check);
        project.getBuildersList().add(new TweakBuilder());
        project.getBuildersList().add(new NotifyBuilder("dev@example.com"));
        project.getBuildersList().add(new PublishBuilder());

        FreeStyleBuild build = j.buildAndAssertStatus(Result.UNSTABLE, project);

        j.assertLogContains("Pushed the tweak for trial 2", build);
        j.assertLogContains("Not mailing: the gate did not pass", build);
        j.assertLogContains("Not publishing: the gate did not pass", build);
        assertThat(ModelRepository.headMessage(remote, "main")).contains("MLOps-Trial: 1");
        try (var git = org.eclipse.jgit.api.Git.open(remote.toFile())) {
            assertThat(git.getRepository().findRef("refs/heads/mlops/models")).isNull();
        }
    }

    /** A repository URL that does not exist fails the build with the engine's message and no stack trace. */
    @Test
    void shouldFailCleanlyOnABadRepository(final JenkinsRule j, @TempDir final Path missing) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new FetchBuilder(missing.resolve("nothing-here").toUri().toString()));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogNotContains("\tat io.jenkins", build);
    }
}
