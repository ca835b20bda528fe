package io.jenkins.plugins.mlops.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs one step's engine work on the agent that holds the workspace, so git and Docker are the agent's. Engine log
 * lines go to the build log as they come. When the build is aborted, remoting interrupts this thread and the engine
 * stops (and removes) its container.
 */
final class AgentCall extends MasterToSlaveFileCallable<StepOutcome> {
    private static final long serialVersionUID = 1L;
    private static final String PREFIX = "[mlops] ";

    private final StepOrder order;
    private final EngineSettings settings;
    private final TaskListener listener;

    AgentCall(final StepOrder order, final EngineSettings settings, final TaskListener listener) {
        this.order = order;
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public StepOutcome invoke(final File workspace, final VirtualChannel channel)
            throws IOException, InterruptedException {
        PrintStream logger = listener.getLogger();
        RunLog log = new RunLog((error, line) -> logger.println(PREFIX + (error ? "ERROR " : "") + line));
        try {
            StepOutcome outcome = EngineCalls.run(order, settings, workspace.toPath(), log);
            if (Thread.interrupted()) {
                throw new InterruptedException("mlops step aborted");
            }
            return outcome;
        }
        catch (MlopsException e) {
            if (Thread.interrupted()) {
                throw new InterruptedException("mlops step aborted");
            }
            return StepOutcome.failed(e.getMessage());
        }
        finally {
            logger.flush();
        }
    }
}
