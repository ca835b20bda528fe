package io.jenkins.plugins.mlops.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.thoughtworks.xstream.XStream;
import io.jenkins.plugins.mlops.check.AliasingXStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The global configurations saved while they lived in the plugin's root package are found and read: the files keep
 * the former class names, and their contents load into the classes of today with the aliases of {@link
 * SettingsFile}. Read as Jenkins' {@code Descriptor.load()} reads, into the existing instance, with the real XStream
 * set up as XStream2 reads aliases ({@link AliasingXStream}), since the stubbed XStream2 cannot run.
 */
class SettingsFileTest {
    /** {@code JENKINS_HOME/io.jenkins.plugins.mlops.MlopsGlobalConfiguration.xml} as saved before the move. */
    private static final String CONFIGURATION = """
            <?xml version='1.1' encoding='UTF-8'?>
            <io.jenkins.plugins.mlops.MlopsGlobalConfiguration plugin="mlops@0.1.0-SNAPSHOT">
              <dockerHost>tcp://docker.example.com:2376</dockerHost>
              <dockerTlsVerify>true</dockerTlsVerify>
              <dockerCertPath></dockerCertPath>
              <kerasImage>mlops/keras:0.1</kerasImage>
              <pytorchImage>mlops/pytorch:0.1</pytorchImage>
              <sklearnImage>registry.example.com/mlops/sklearn:2</sklearnImage>
              <defaultTarget>0.85</defaultTarget>
              <smtpHost>smtp.example.com</smtpHost>
              <smtpPort>2525</smtpPort>
              <smtpSecurity>ssl</smtpSecurity>
              <smtpCredentialsId>smtp</smtpCredentialsId>
              <mailFrom>jenkins@example.com</mailFrom>
              <committerName></committerName>
              <committerEmail></committerEmail>
            </io.jenkins.plugins.mlops.MlopsGlobalConfiguration>""";

    /** {@code JENKINS_HOME/io.jenkins.plugins.mlops.RepositoryPolicy.xml} as saved before the move. */
    private static final String POLICY = """
            <?xml version='1.1' encoding='UTF-8'?>
            <io.jenkins.plugins.mlops.RepositoryPolicy plugin="mlops@0.1.0-SNAPSHOT">
              <datasetRoots>/srv/datasets</datasetRoots>
              <datasetVolumes></datasetVolumes>
              <allowedImages>registry.example.com/</allowedImages>
              <maxMemory>8g</maxMemory>
              <allowNetwork>false</allowNetwork>
              <allowGpus>true</allowGpus>
              <allowRepositoryRecipients>false</allowRepositoryRecipients>
              <allowRoot>false</allowRoot>
              <copyBackMaxFile>512m</copyBackMaxFile>
              <copyBackMaxTotal></copyBackMaxTotal>
            </io.jenkins.plugins.mlops.RepositoryPolicy>""";

    /** Both keep the file of their former name, and both use it for loading and saving. */
    @Test
    void shouldKeepTheFilesOfTheFormerNames() throws NoSuchMethodException {
        assertThat(MlopsGlobalConfiguration.class.getDeclaredMethod("getConfigFile")).isNotNull();
        assertThat(RepositoryPolicy.class.getDeclaredMethod("getConfigFile")).isNotNull();
        assertThat(SettingsFile.fileName(MlopsGlobalConfiguration.class))
                .isEqualTo("io.jenkins.plugins.mlops.MlopsGlobalConfiguration.xml");
        assertThat(SettingsFile.fileName(RepositoryPolicy.class))
                .isEqualTo("io.jenkins.plugins.mlops.RepositoryPolicy.xml");
    }

    /** Every setting saved before the move is there after loading. */
    @Test
    void shouldLoadTheSettingsSavedBeforeTheMove() {
        XStream xstream = AliasingXStream.reading(aliases());
        // Made without a constructor (the stubbed GlobalConfiguration's cannot run), then loaded into, as load() does.
        var configuration = (MlopsGlobalConfiguration) xstream.getReflectionProvider()
                .newInstance(MlopsGlobalConfiguration.class);
        var policy = (RepositoryPolicy) xstream.getReflectionProvider().newInstance(RepositoryPolicy.class);

        assertThat(xstream.fromXML(CONFIGURATION, configuration)).isSameAs(configuration);
        assertThat(xstream.fromXML(POLICY, policy)).isSameAs(policy);

        assertThat(configuration.getDockerHost()).isEqualTo("tcp://docker.example.com:2376");
        assertThat(configuration.isDockerTlsVerify()).isTrue();
        assertThat(configuration.getSklearnImage()).isEqualTo("registry.example.com/mlops/sklearn:2");
        assertThat(configuration.getDefaultTarget()).isEqualTo("0.85");
        assertThat(configuration.getSmtpPort()).isEqualTo("2525");
        assertThat(configuration.getSmtpSecurity()).isEqualTo("ssl");
        assertThat(configuration.getSmtpCredentialsId()).isEqualTo("smtp");
        assertThat(configuration.getMailFrom()).isEqualTo("jenkins@example.com");
        assertThat(policy.getDatasetRoots()).isEqualTo("/srv/datasets");
        assertThat(policy.getAllowedImages()).isEqualTo("registry.example.com/");
        assertThat(policy.getMaxMemory()).isEqualTo("8g");
        assertThat(policy.isAllowGpus()).isTrue();
        assertThat(policy.getCopyBackMaxFile()).isEqualTo("512m");
    }

    /** What is saved from now on starts with the new name, and reads back as well. */
    @Test
    void shouldReadWhatItSavesNow() {
        XStream xstream = AliasingXStream.reading(aliases());
        RepositoryPolicy policy = (RepositoryPolicy) xstream.fromXML(POLICY);

        String saved = xstream.toXML(policy);

        assertThat(saved).contains("<io.jenkins.plugins.mlops.config.RepositoryPolicy>")
                .doesNotContain("<io.jenkins.plugins.mlops.RepositoryPolicy>");
        assertThat(((RepositoryPolicy) xstream.fromXML(saved)).getMaxMemory()).isEqualTo("8g");
    }

    private static Map<String, Class<?>> aliases() {
        Map<String, Class<?>> aliases = new HashMap<>();
        SettingsFile.FORMER_NAMES.forEach((type, name) -> aliases.put(name, type));
        return aliases;
    }
}
