package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration;
import io.jenkins.plugins.mlops.config.RepositoryPolicy;
import io.jenkins.plugins.mlops.steps.CheckAccuracyBuilder;
import io.jenkins.plugins.mlops.steps.DetectBuilder;
import io.jenkins.plugins.mlops.steps.FetchBuilder;
import io.jenkins.plugins.mlops.steps.NotifyBuilder;
import io.jenkins.plugins.mlops.steps.PublishBuilder;
import io.jenkins.plugins.mlops.steps.TrainBuilder;
import io.jenkins.plugins.mlops.steps.TweakBuilder;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import org.jvnet.hudson.test.junit.jupiter.WithLocalData;

/**
 * A {@code JENKINS_HOME} saved while the builders, the run action and the global configurations lived in the
 * plugin's root package (the folder {@code SavedDataTest} beside this class): its job, its build page and its
 * settings load into the classes of today.
 */
@WithJenkins
class SavedDataTest {
    /** The job keeps its seven builders with their settings, the build its MLOps summary. */
    @Test
    @WithLocalData
    void shouldLoadTheJobAndItsBuild(final JenkinsRule j) throws Exception {
        FreeStyleProject job = j.jenkins.getItemByFullName("model", FreeStyleProject.class);

        assertThat(job.getBuildersList().get(FetchBuilder.class).getUrl())
                .isEqualTo("https://git.example.com/team/model.git");
        assertThat(job.getBuildersList().get(DetectBuilder.class)).isNotNull();
        assertThat(job.getBuildersList().get(TrainBuilder.class).getTimeoutMinutes()).isEqualTo(60);
        assertThat(job.getBuildersList().get(CheckAccuracyBuilder.class).getTarget()).isEqualTo(0.9);
        assertThat(job.getBuildersList().get(TweakBuilder.class).getMaxTrials()).isEqualTo(5);
        assertThat(job.getBuildersList().get(NotifyBuilder.class).getRecipients()).isEqualTo("ml-team@example.com");
        assertThat(job.getBuildersList().get(PublishBuilder.class).getBranch()).isEqualTo("mlops/models");
        assertThat(job.getBuildByNumber(1).getAction(MlopsRunAction.class).getSummary())
                .isEqualTo("best accuracy 0.913 (target 0.90) after 3 trial(s) - PASSED");
    }

    /** The settings are read from the files of the former names, and saved there again. */
    @Test
    @WithLocalData
    void shouldKeepTheGlobalSettings(final JenkinsRule j) throws Exception {
        MlopsGlobalConfiguration configuration =
                MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        RepositoryPolicy policy = RepositoryPolicy.all().get(RepositoryPolicy.class);

        assertThat(configuration.getSklearnImage()).isEqualTo("registry.example.com/mlops/sklearn:2");
        assertThat(configuration.getSmtpSecurity()).isEqualTo("ssl");
        assertThat(policy.getMaxMemory()).isEqualTo("8g");
        assertThat(policy.isAllowGpus()).isTrue();

        configuration.setMailFrom("ci@example.com");

        Path home = j.jenkins.getRootDir().toPath();
        assertThat(Files.readString(home.resolve("io.jenkins.plugins.mlops.MlopsGlobalConfiguration.xml"),
                StandardCharsets.UTF_8)).contains("ci@example.com")
                .contains("<io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration");
        assertThat(home.resolve("io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration.xml")).doesNotExist();
    }
}
