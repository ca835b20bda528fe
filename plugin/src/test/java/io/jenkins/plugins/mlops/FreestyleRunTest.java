package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
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

    /** A repository URL that does not exist fails the build with the engine's message and no stack trace. */
    @Test
    void shouldFailCleanlyOnABadRepository(final JenkinsRule j, @TempDir final Path missing) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        project.getBuildersList().add(new FetchBuilder(missing.resolve("nothing-here").toUri().toString()));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogNotContains("\tat io.jenkins", build);
    }
}
