package io.jenkins.plugins.mlops;

import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.io.IOException;

/**
 * The one code path of every step, freestyle or Pipeline: snapshot the global configuration, run the engine on the
 * agent, record the run state on the build and map the gate's verdict to the build result.
 */
final class StepRunner {
    private final JenkinsFacade jenkins;

    StepRunner() {
        this(new JenkinsFacade());
    }

    StepRunner(final JenkinsFacade jenkins) {
        this.jenkins = jenkins;
    }

    /**
     * Runs {@code settings}' step in {@code workspace} for {@code run}.
     *
     * @return the run state after the step and what the step reported
     * @throws AbortException if the engine reports a problem (its message names the fix) or the gate failed
     */
    StepOutcome perform(final Run<?, ?> run, final FilePath workspace, final TaskListener listener,
            final StepSettings settings) throws IOException, InterruptedException {
        StepOrder order = settings.order(run);
        EngineSettings engineSettings = jenkins.getConfiguration().toEngineSettings(run, needsMail(order));
        StepOutcome outcome = workspace.act(new AgentCall(order, engineSettings, listener));
        if (outcome.isFailed()) {
            throw new AbortException(outcome.failure());
        }
        RunState state = outcome.state();
        MlopsRunAction.record(run, state);
        if (order instanceof StepOrder.Check || order instanceof StepOrder.Loop) {
            applyVerdict(run, listener, state.gate());
        }
        return outcome;
    }

    private static boolean needsMail(final StepOrder order) {
        return order instanceof StepOrder.Notify || order instanceof StepOrder.Loop;
    }

    /** Below target is a soft failure (the next poll retrains); no usable metric fails the build. */
    private static void applyVerdict(final Run<?, ?> run, final TaskListener listener, final GateResult gate)
            throws AbortException {
        if (gate == null || gate.verdict() == Verdict.PASSED) {
            return;
        }
        if (gate.verdict() == Verdict.BELOW_TARGET) {
            listener.getLogger().println("[mlops] " + gate.reason() + " - marking the build UNSTABLE");
            run.setResult(Result.UNSTABLE);
            return;
        }
        throw new AbortException(gate.reason());
    }
}
