package io.jenkins.plugins.mlops.steps;

import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.Builder;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;

/**
 * A freestyle build step of the chain. Subclasses only hold settings; running goes through {@link StepRunner}, the
 * same path the Pipeline steps take.
 */
public abstract class MlopsBuilder extends Builder implements SimpleBuildStep, StepSettings {
    @Override
    public void perform(final Run<?, ?> run, final FilePath workspace, final EnvVars env, final Launcher launcher,
            final TaskListener listener) throws InterruptedException, IOException {
        new StepRunner().perform(run, workspace, env, listener, this);
    }
}
