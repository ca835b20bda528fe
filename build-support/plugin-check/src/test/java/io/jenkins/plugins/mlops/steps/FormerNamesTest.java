package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.thoughtworks.xstream.XStreamException;
import hudson.init.InitMilestone;
import hudson.init.Initializer;
import io.jenkins.plugins.mlops.check.AliasingXStream;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Jobs and builds saved while the builders and the run action lived in the plugin's root package load into the
 * classes of today, with the aliases {@link FormerNames} registers. Read with the real XStream set up as Jenkins'
 * XStream2 reads aliases ({@link AliasingXStream}), since the stubbed XStream2 cannot run.
 */
class FormerNamesTest {
    /** The builders of a job's config.xml as saved before the move (freestyle-job.example.xml of then). */
    private static final String BUILDERS = """
            <list>
              <io.jenkins.plugins.mlops.FetchBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <url>https://git.example.com/team/model.git</url>
                <branch>main</branch>
                <credentialsId>git-push</credentialsId>
              </io.jenkins.plugins.mlops.FetchBuilder>
              <io.jenkins.plugins.mlops.DetectBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <entry>src/train.py</entry>
              </io.jenkins.plugins.mlops.DetectBuilder>
              <io.jenkins.plugins.mlops.TrainBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <image></image>
                <timeoutMinutes>60</timeoutMinutes>
              </io.jenkins.plugins.mlops.TrainBuilder>
              <io.jenkins.plugins.mlops.CheckAccuracyBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <metric>accuracy</metric>
                <target>0.9</target>
              </io.jenkins.plugins.mlops.CheckAccuracyBuilder>
              <io.jenkins.plugins.mlops.TweakBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <mode>via-git</mode>
                <maxTrials>5</maxTrials>
                <credentialsId>git-push</credentialsId>
              </io.jenkins.plugins.mlops.TweakBuilder>
              <io.jenkins.plugins.mlops.NotifyBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <recipients>ml-team@example.com</recipients>
              </io.jenkins.plugins.mlops.NotifyBuilder>
              <io.jenkins.plugins.mlops.PublishBuilder plugin="mlops@0.1.0-SNAPSHOT">
                <remote></remote>
                <branch>mlops/models</branch>
                <credentialsId>git-push</credentialsId>
              </io.jenkins.plugins.mlops.PublishBuilder>
            </list>""";

    /** The run action of a build.xml as saved before the move. */
    private static final String RUN_ACTION = """
            <io.jenkins.plugins.mlops.MlopsRunAction plugin="mlops@0.1.0-SNAPSHOT">
              <modelType>sklearn/LogisticRegression</modelType>
              <image>mlops/sklearn:0.1</image>
              <metric>accuracy</metric>
              <bestMetric>0.913</bestMetric>
              <target>0.9</target>
              <verdict>PASSED</verdict>
              <trials>3</trials>
            </io.jenkins.plugins.mlops.MlopsRunAction>""";

    /** Every builder comes back as its class of today, with every setting. */
    @Test
    void shouldLoadTheBuildersOfAJobSavedBeforeTheMove() {
        List<?> builders = (List<?>) AliasingXStream.reading(FormerNames.IN_JOBS).fromXML(BUILDERS);

        assertThat(builders).map(Object::getClass).containsExactly(FetchBuilder.class, DetectBuilder.class,
                TrainBuilder.class, CheckAccuracyBuilder.class, TweakBuilder.class, NotifyBuilder.class,
                PublishBuilder.class);
        FetchBuilder fetch = (FetchBuilder) builders.get(0);
        assertThat(List.of(fetch.getUrl(), fetch.getBranch(), fetch.getCredentialsId()))
                .containsExactly("https://git.example.com/team/model.git", "main", "git-push");
        assertThat(((DetectBuilder) builders.get(1)).getEntry()).isEqualTo("src/train.py");
        assertThat(((TrainBuilder) builders.get(2)).getTimeoutMinutes()).isEqualTo(60);
        CheckAccuracyBuilder check = (CheckAccuracyBuilder) builders.get(3);
        assertThat(check.getMetric()).isEqualTo("accuracy");
        assertThat(check.getTarget()).isEqualTo(0.9);
        TweakBuilder tweak = (TweakBuilder) builders.get(4);
        assertThat(List.of(tweak.getMode(), tweak.getMaxTrials(), tweak.getCredentialsId()))
                .containsExactly("via-git", 5, "git-push");
        assertThat(((NotifyBuilder) builders.get(5)).getRecipients()).isEqualTo("ml-team@example.com");
        assertThat(((PublishBuilder) builders.get(6)).getBranch()).isEqualTo("mlops/models");
    }

    /** The build page's summary comes back from the values build.xml kept. */
    @Test
    void shouldLoadTheRunActionOfABuildSavedBeforeTheMove() {
        MlopsRunAction action = (MlopsRunAction) AliasingXStream.reading(FormerNames.IN_BUILDS).fromXML(RUN_ACTION);

        assertThat(action.getModelType()).isEqualTo("sklearn/LogisticRegression");
        assertThat(action.getSummary()).isEqualTo("best accuracy 0.913 (target 0.90) after 3 trial(s) - PASSED");
    }

    /** Without the aliases the former names are unknown classes: what a job or build would hit without them. */
    @Test
    void shouldNotLoadTheFormerNamesWithoutTheAliases() {
        assertThatThrownBy(() -> AliasingXStream.reading(Map.of()).fromXML(RUN_ACTION))
                .isInstanceOf(XStreamException.class).hasMessageContaining("io.jenkins.plugins.mlops.MlopsRunAction");
        assertThatThrownBy(() -> AliasingXStream.reading(FormerNames.IN_BUILDS).fromXML(BUILDERS))
                .isInstanceOf(XStreamException.class).hasMessageContaining("io.jenkins.plugins.mlops.FetchBuilder");
    }

    /**
     * Jenkins runs the registration before the plugins have started, so before the first job or build is loaded
     * (jobs load at JOB_LOADED, after PLUGINS_STARTED).
     */
    @Test
    void shouldRegisterBeforeAnyJobLoads() throws NoSuchMethodException {
        Method register = FormerNames.class.getMethod("registerAliases");

        assertThat(Modifier.isStatic(register.getModifiers())).isTrue();
        assertThat(register.getAnnotation(Initializer.class).before()).isEqualTo(InitMilestone.PLUGINS_STARTED);
    }

    /** Each former name is the class's name in the root package, where all of them lived. */
    @Test
    void shouldNameEachClassAsTheRootPackageDid() {
        Map<String, Class<?>> all = new HashMap<>(FormerNames.IN_JOBS);
        all.putAll(FormerNames.IN_BUILDS);

        assertThat(all).hasSize(8).allSatisfy((name, type) ->
                assertThat(name).isEqualTo("io.jenkins.plugins.mlops." + type.getSimpleName()));
    }
}
