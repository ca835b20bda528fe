package io.jenkins.plugins.mlops.steps;

import hudson.init.InitMilestone;
import hudson.init.Initializer;
import hudson.model.Items;
import hudson.model.Run;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import java.util.Map;

/**
 * The names Jenkins saved the freestyle builders and the run action under while they lived in the plugin's root
 * package: a job's {@code config.xml} names each builder by its class, a {@code build.xml} each action. XStream
 * compatibility aliases read those names as the classes of today (and Jenkins saves the new names from then on).
 * They must be registered before the first job is loaded, hence before the plugins start (jobs load after that). The
 * global configurations keep their files instead (see {@code config.SettingsFile}).
 */
public final class FormerNames {
    /** Each builder by the name a job saved before the move holds it under. */
    static final Map<String, Class<?>> IN_JOBS = Map.of(
            "io.jenkins.plugins.mlops.FetchBuilder", FetchBuilder.class,
            "io.jenkins.plugins.mlops.DetectBuilder", DetectBuilder.class,
            "io.jenkins.plugins.mlops.TrainBuilder", TrainBuilder.class,
            "io.jenkins.plugins.mlops.CheckAccuracyBuilder", CheckAccuracyBuilder.class,
            "io.jenkins.plugins.mlops.TweakBuilder", TweakBuilder.class,
            "io.jenkins.plugins.mlops.NotifyBuilder", NotifyBuilder.class,
            "io.jenkins.plugins.mlops.PublishBuilder", PublishBuilder.class);

    /** The run action by the name a build saved before the move holds it under. */
    static final Map<String, Class<?>> IN_BUILDS = Map.of(
            "io.jenkins.plugins.mlops.MlopsRunAction", MlopsRunAction.class);

    private FormerNames() {
    }

    /** Lets Jenkins read jobs and builds saved with the former names; Jenkins calls it once while it starts. */
    @Initializer(before = InitMilestone.PLUGINS_STARTED)
    public static void registerAliases() {
        IN_JOBS.forEach(Items.XSTREAM2::addCompatibilityAlias);
        IN_BUILDS.forEach(Run.XSTREAM2::addCompatibilityAlias);
    }
}
