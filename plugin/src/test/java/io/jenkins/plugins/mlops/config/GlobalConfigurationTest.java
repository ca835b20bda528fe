package io.jenkins.plugins.mlops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global configuration survives the System page and reaches the engine settings. */
@WithJenkins
class GlobalConfigurationTest {
    /** Every field set before saving the System page is still set afterwards. */
    @Test
    void shouldKeepSettingsThroughTheSystemPage(final JenkinsRule j) throws Exception {
        MlopsGlobalConfiguration config = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        config.setDockerHost("tcp://docker.example.com:2376");
        config.setDockerTlsVerify(true);
        config.setSklearnImage("registry.example.com/mlops/sklearn:2");
        config.setDefaultTarget("0.85");
        config.setSmtpHost("smtp.example.com");
        config.setSmtpPort("2525");
        config.setSmtpSecurity("ssl");
        config.setMailFrom("jenkins@example.com");

        j.configRoundtrip();

        MlopsGlobalConfiguration after = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        assertThat(after.getDockerHost()).isEqualTo("tcp://docker.example.com:2376");
        assertThat(after.isDockerTlsVerify()).isTrue();
        assertThat(after.getSklearnImage()).isEqualTo("registry.example.com/mlops/sklearn:2");
        assertThat(after.getDefaultTarget()).isEqualTo("0.85");
        assertThat(after.getSmtpHost()).isEqualTo("smtp.example.com");
        assertThat(after.getSmtpPort()).isEqualTo("2525");
        assertThat(after.getSmtpSecurity()).isEqualTo("ssl");
        assertThat(after.getMailFrom()).isEqualTo("jenkins@example.com");
    }

    /** A cleared default target or port is "not set", not 0: an empty form never makes every check pass. */
    @Test
    void shouldKeepClearedValuesUnset(final JenkinsRule j) throws Exception {
        MlopsGlobalConfiguration config = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        config.setDefaultTarget("");
        config.setSmtpPort("");

        j.configRoundtrip();

        MlopsGlobalConfiguration after = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        assertThat(after.defaultTarget()).isNull();
        assertThat(after.getSmtpPort()).isEmpty();
        assertThatThrownBy(() -> after.setDefaultTarget("0,9")).hasMessageContaining("Default target");
        assertThatThrownBy(() -> after.setSmtpPort("0")).hasMessageContaining("SMTP port");
        assertThat(after.defaultTarget()).isNull();
    }

    /**
     * SMTP credentials in System scope (meant for exactly this: Jenkins' own mail) are found, although no build can
     * see them; a lookup as the build never found them.
     */
    @Test
    void shouldFindSystemScopedSmtpCredentials(final JenkinsRule j) throws Exception {
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(
                CredentialsScope.SYSTEM, "smtp", "mail account", "mailer", "secret-password-1"));
        SystemCredentialsProvider.getInstance().save();
        MlopsGlobalConfiguration config = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        config.setSmtpHost("smtp.example.com");
        config.setSmtpCredentialsId("smtp");
        var run = j.buildAndAssertSuccess(j.createFreeStyleProject());

        MailServer server = config.mailServer(run);

        assertThat(server.user()).isEqualTo("mailer");
    }

    /**
     * The global values are the operator's defaults below mlops.yml; the committer of tweak commits names the tool
     * and the job unless configured.
     */
    @Test
    void shouldPassDefaultsAndPolicy(final JenkinsRule j) throws Exception {
        MlopsGlobalConfiguration config = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        config.setDefaultTarget("0.8");
        RepositoryPolicy policy = RepositoryPolicy.all().get(RepositoryPolicy.class);
        policy.setAllowRepositoryRecipients(true);
        policy.setMaxMemory("8g");
        var run = j.buildAndAssertSuccess(j.createFreeStyleProject());

        EngineSettings settings = config.toEngineSettings(run, new hudson.EnvVars());

        assertThat(settings.policy().defaults().target()).isEqualTo(0.8);
        assertThat(settings.policy().defaults().committerName()).isEqualTo("mlops (Jenkins job " + run.getParent().getFullName() + ")");
        assertThat(settings.policy().repositoryRecipients()).isTrue();
        assertThat(settings.policy().maxMemoryBytes()).isEqualTo(8L << 30);
        assertThatThrownBy(() -> policy.setMaxMemory("lots")).hasMessageContaining("Maximum memory");
        assertThatThrownBy(() -> policy.setDatasetRoots("data")).hasMessageContaining("absolute");
    }

    /** The container settings travel typed, only what was set: the file limit here, the engine's total limit. */
    @Test
    void shouldPassTheContainerSettings(final JenkinsRule j) throws Exception {
        RepositoryPolicy policy = RepositoryPolicy.all().get(RepositoryPolicy.class);
        policy.setAllowRoot(true);
        policy.setCopyBackMaxFile("512m");
        var run = j.buildAndAssertSuccess(j.createFreeStyleProject());

        EngineSettings settings = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class)
                .toEngineSettings(run, new hudson.EnvVars());

        assertThat(settings.sandbox()).isEqualTo(new EngineSettings.Sandbox(true, 512L << 20, null));
        assertThatThrownBy(() -> policy.setCopyBackMaxTotal("lots")).hasMessageContaining("Most bytes copied back");
    }

    /** The snapshot for the agent carries the image per framework, and no SMTP login (the controller sends mail). */
    @Test
    void shouldSnapshotSettingsForTheAgent(final JenkinsRule j) throws Exception {
        MlopsGlobalConfiguration config = MlopsGlobalConfiguration.all().get(MlopsGlobalConfiguration.class);
        config.setKerasImage("mlops/keras:9");
        var run = j.buildAndAssertSuccess(j.createFreeStyleProject());

        EngineSettings settings = config.toEngineSettings(run, new hudson.EnvVars());

        assertThat(settings.policy().trainerImages())
                .containsEntry(io.jenkins.plugins.mlops.engine.model.Framework.KERAS, "mlops/keras:9");
        assertThat(settings.toString()).doesNotContain("smtp");
    }
}
