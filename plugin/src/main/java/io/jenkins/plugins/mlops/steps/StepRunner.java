package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.config.JenkinsFacade;
import io.jenkins.plugins.mlops.config.MailServer;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Map;

/**
 * The one code path of every step, freestyle or Pipeline: snapshot the global configuration, run the engine on the
 * agent, record the chain state on the build and map the gate's verdict to the build result.
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
     * Marks the step itself as unstable where Jenkins shows steps one by one (a Pipeline's flow node), so that stage
     * view and graph view do not show a gate below target as green. Freestyle builds have only the build result.
     */
    interface UnstableMarker {
        /** Nothing beyond the build result. */
        UnstableMarker NONE = reason -> { };

        /**
         * Marks the step unstable.
         *
         * @param reason why, as the gate says it
         */
        void markUnstable(String reason) throws IOException, InterruptedException;
    }

    /**
     * Runs {@code settings}' step in {@code workspace} for {@code run}, with Docker as the build's
     * {@code environment} names it unless the global configuration does.
     *
     * @return the chain state after the step and what the step reported
     * @throws AbortException if the engine reports a problem (its message names the fix) or the gate failed
     */
    StepOutcome perform(final Run<?, ?> run, final FilePath workspace, final EnvVars environment,
            final TaskListener listener, final StepSettings settings) throws IOException, InterruptedException {
        return perform(run, workspace, environment, listener, settings, UnstableMarker.NONE);
    }

    /**
     * As {@link #perform(Run, FilePath, EnvVars, TaskListener, StepSettings)}, marking the step through
     * {@code marker} when the gate is below target.
     */
    StepOutcome perform(final Run<?, ?> run, final FilePath workspace, final EnvVars environment,
            final TaskListener listener, final StepSettings settings, final UnstableMarker marker)
            throws IOException, InterruptedException {
        StepOrder order = settings.order(run);
        if (order instanceof StepOrder.TrainAsked asked) {
            order = asked.on(environment.get("NODE_NAME"));
        }
        String page = reportPage(environment);
        if (order instanceof StepOrder.Notify notify) {
            order = notify.linkedTo(page);
        }
        if (order instanceof StepOrder.Loop loop) {
            order = loop.linkedTo(page);
        }
        if (order instanceof StepOrder.Fetch fetch) {
            PollingCheck.warnIfNotPolled(run, fetch.url(), listener);
        }
        EngineSettings engineSettings = jenkins.getConfiguration().toEngineSettings(run, environment);
        StepOutcome outcome = workspace.act(new AgentCall(order, engineSettings, listener));
        if (outcome.isFailed()) {
            throw new AbortException(outcome.failure());
        }
        ChainState state = outcome.state();
        if (state == null) {
            // An asked trial trained on a worker: the study, and the build's record of it, is the home's.
            return outcome;
        }
        MlopsRunAction.record(run, state);
        if (!outcome.outbox().isEmpty()) {
            // Recorded first: whatever happens while sending must not lose the build's record.
            state = sendMail(run, workspace, listener, outcome);
            MlopsRunAction.record(run, state);
        }
        boolean studyDone = order instanceof StepOrder.Tell && Boolean.TRUE.equals(outcome.values().get("done"));
        if (order instanceof StepOrder.Check || order instanceof StepOrder.Loop || studyDone) {
            applyVerdict(run, listener, state.gate(), marker);
        }
        return outcome;
    }

    /**
     * The build's MLOps page, for the mail to link to: Jenkins gives the build's address as {@code BUILD_URL} when
     * its root URL is configured; without it there is no address a reader of the mail could open.
     */
    static String reportPage(final Map<String, String> environment) {
        String build = environment.get("BUILD_URL");
        if (build == null || build.isBlank()) {
            return null;
        }
        return build + (build.endsWith("/") ? "" : "/") + MlopsRunAction.URL_NAME + "/";
    }

    /**
     * Sends the mails the agent rendered, from the controller with the global SMTP server and login (which never
     * reach the agent), removes the sent ones from the workspace's outbox and records in the workspace's chain state
     * what became of them; a mail that cannot be sent (server down, SMTP credentials gone) stays there and is a
     * warning, never a failed build.
     *
     * @return the chain state with the delivery recorded
     */
    private ChainState sendMail(final Run<?, ?> run, final FilePath workspace, final TaskListener listener,
            final StepOutcome outcome) throws IOException, InterruptedException {
        PrintStream logger = listener.getLogger();
        RunLog log = new RunLog((error, line) -> logger.println("[mlops] " + (error ? "ERROR " : "") + line));
        EngineCalls.Delivery delivery = send(() -> jenkins.getConfiguration().mailServer(run), outcome, log);
        if (delivery == null) {
            return outcome.state();
        }
        workspace.act(new OutboxCleanup(delivery));
        return delivery.state();
    }

    /** Looks up the controller's SMTP server and login, which fails when the configured credentials are gone. */
    @FunctionalInterface
    interface MailServerLookup {
        /** The server, or {@code null} when none is configured. */
        MailServer find() throws AbortException;
    }

    /**
     * Sends the rendered mails of {@code outcome} through the server {@code lookup} finds. When the lookup fails
     * (its message names the Jenkins setting, e.g. SMTP credentials that are gone) the mails are recorded as not
     * sent with a warning: an unsent mail is never a failed build, and the gate's verdict still applies.
     *
     * @return the delivery, or {@code null} when no SMTP server is configured (the mails stay in the outbox)
     */
    static EngineCalls.Delivery send(final MailServerLookup lookup, final StepOutcome outcome, final RunLog log) {
        MailServer server;
        try {
            server = lookup.find();
        }
        catch (AbortException e) {
            return EngineCalls.undelivered(outcome.state(), outcome.outbox(), e.getMessage(), log);
        }
        return server == null ? null : EngineCalls.deliver(server, outcome.state(), outcome.outbox(), log);
    }

    /**
     * Below target is a soft failure (the next poll retrains): the build and the step become UNSTABLE. Any other
     * verdict but PASSED (no usable metric, failed training) fails the step and with it the build.
     */
    static void applyVerdict(final Run<?, ?> run, final TaskListener listener, final GateResult gate,
            final UnstableMarker marker) throws IOException, InterruptedException {
        switch (consequence(gate)) {
            case PASS -> {
            }
            case UNSTABLE -> {
                listener.getLogger().println("[mlops] " + gate.reason() + " - marking the build UNSTABLE");
                run.setResult(Result.UNSTABLE);
                marker.markUnstable(gate.reason());
            }
            default -> throw new AbortException(gate.reason());
        }
    }

    /** What a gate's verdict does to the step. */
    enum Consequence { PASS, UNSTABLE, FAIL }

    /** PASSED (or no gate yet) passes, BELOW_TARGET makes the step unstable, anything else fails it. */
    static Consequence consequence(final GateResult gate) {
        if (gate == null || gate.verdict() == Verdict.PASSED) {
            return Consequence.PASS;
        }
        return gate.verdict() == Verdict.BELOW_TARGET ? Consequence.UNSTABLE : Consequence.FAIL;
    }
}
