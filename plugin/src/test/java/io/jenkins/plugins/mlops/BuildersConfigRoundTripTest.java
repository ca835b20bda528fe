package io.jenkins.plugins.mlops;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.tasks.Builder;
import io.jenkins.plugins.mlops.steps.CheckAccuracyBuilder;
import io.jenkins.plugins.mlops.steps.DetectBuilder;
import io.jenkins.plugins.mlops.steps.FetchBuilder;
import io.jenkins.plugins.mlops.steps.NotifyBuilder;
import io.jenkins.plugins.mlops.steps.PublishBuilder;
import io.jenkins.plugins.mlops.steps.TrainBuilder;
import io.jenkins.plugins.mlops.steps.TweakBuilder;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Every builder's form shows and keeps every setting (configure page saved without changes). */
@WithJenkins
class BuildersConfigRoundTripTest {
    /** The fetch builder keeps URL and branch. */
    @Test
    void shouldKeepFetchSettings(final JenkinsRule j) throws Exception {
        FetchBuilder before = new FetchBuilder("https://git.example.com/team/model.git");
        before.setBranch("develop");

        assertRoundTrip(j, before);
    }

    /** The detect builder keeps the entry point. */
    @Test
    void shouldKeepDetectSettings(final JenkinsRule j) throws Exception {
        DetectBuilder before = new DetectBuilder();
        before.setEntry("src/train.py");

        assertRoundTrip(j, before);
    }

    /** The train builder keeps image and timeout. */
    @Test
    void shouldKeepTrainSettings(final JenkinsRule j) throws Exception {
        TrainBuilder before = new TrainBuilder();
        before.setImage("registry.example.com:5000/team/trainer:2");
        before.setTimeoutMinutes(15);

        assertRoundTrip(j, before);
    }

    /** The check builder keeps metric and target. */
    @Test
    void shouldKeepCheckSettings(final JenkinsRule j) throws Exception {
        CheckAccuracyBuilder before = new CheckAccuracyBuilder();
        before.setMetric("f1");
        before.setTarget(0.95);

        CheckAccuracyBuilder after = assertRoundTrip(j, before);
        assertThat(after.getTarget()).isEqualTo(0.95);
    }

    /** The tweak builder keeps mode and trial bound. */
    @Test
    void shouldKeepTweakSettings(final JenkinsRule j) throws Exception {
        TweakBuilder before = new TweakBuilder();
        before.setMode("in-build");
        before.setMaxTrials(3);

        assertRoundTrip(j, before);
    }

    /** The notify builder keeps the recipients. */
    @Test
    void shouldKeepNotifySettings(final JenkinsRule j) throws Exception {
        assertRoundTrip(j, new NotifyBuilder("dev@example.com, lead@example.com"));
    }

    /** The publish builder keeps remote and branch. */
    @Test
    void shouldKeepPublishSettings(final JenkinsRule j) throws Exception {
        PublishBuilder before = new PublishBuilder();
        before.setRemote("https://git.example.com/team/models.git");
        before.setBranch("models");

        assertRoundTrip(j, before);
    }

    private static <B extends Builder> B assertRoundTrip(final JenkinsRule j, final B before) throws Exception {
        B after = j.configRoundtrip(before);
        j.assertEqualDataBoundBeans(before, after);
        return after;
    }
}
