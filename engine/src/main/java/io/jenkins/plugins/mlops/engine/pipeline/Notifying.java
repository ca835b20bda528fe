package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.notify.Notification;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notify step ({@code mlops notify}, {@code mlopsNotify}, the chain's mail): mails the chain's outcome and records
 * the step. A mail that cannot be sent is a warning in run.json, never an exception.
 */
public final class Notifying {
    private final DeveloperNotifier notifier;
    private final Clock clock;

    /** A notify step that delivers with {@code notifier}. */
    public Notifying(final DeveloperNotifier notifier) {
        this(notifier, Clock.systemUTC());
    }

    Notifying(final DeveloperNotifier notifier, final Clock clock) {
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * The mail settings of a chain: the environment's server and defaults, the configuration's recipients and subject;
     * empty when nobody is to be mailed. Without an SMTP server mails go to {@code .mlops/outbox}.
     */
    public static Optional<MailSettings> settings(final Path workspace, final MlopsConfig config,
            final Map<String, String> environment) {
        MlopsConfig.NotifySettings mail = config.mail();
        return MailSettings.resolve(environment, workspace.resolve(ChainStateStore.STATE_DIR).resolve("outbox"),
                mail.to(), mail.from(), mail.subject(), mail.includeAuthor());
    }

    /**
     * The notify step of a chain run step by step (the Jenkins steps): mails only when the latest gate passed;
     * otherwise records the step as skipped and says why, because a chain below target goes on with the next trial.
     *
     * @return the delivery, or empty when nothing was mailed
     */
    public Optional<NotifyResult> notifyIfPassed(final Path workspace, final MailSettings settings,
            final String authorEmail, final String link, final RunLog log) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        Optional<String> notPassed = store.load().flatMap(Notifying::notPassed);
        if (notPassed.isPresent()) {
            log.info("Not mailing: %s; the developers are mailed when a model meets the target", notPassed.get());
            store.save(Steps.record(store.load().orElseThrow(), Step.NOTIFY, StepState.SKIPPED, clock.instant(), 0,
                    "target not met"));
            return Optional.empty();
        }
        return Optional.of(notify(workspace, settings, authorEmail, link, log));
    }

    /** Why the chain in {@code state} has not passed its gate, or empty when it has. */
    static Optional<String> notPassed(final ChainState state) {
        if (state.gate() == null) {
            return Optional.of("the model has not been checked yet (no gate verdict)");
        }
        if (state.gate().verdict() != Verdict.PASSED) {
            return Optional.of("the gate did not pass (" + state.gate().verdict() + ": " + state.gate().reason()
                    + ")");
        }
        return Optional.empty();
    }

    /**
     * {@code state} after mails that were rendered into the outbox (the notify step recorded them as "in outbox")
     * were sent by another process: Jenkins renders on the agent and sends from the controller, which alone holds the
     * SMTP login. The notify step then says what became of them, as if this process had sent them; a mail that was
     * not sent is a warning in {@code ChainState.warnings}.
     *
     * @param state   the chain state the rendering step recorded
     * @param results the delivery of each rendered mail; empty changes nothing
     * @return the new state
     */
    public static ChainState delivered(final ChainState state, final List<NotifyResult> results) {
        if (results.isEmpty()) {
            return state;
        }
        Optional<StepRecord> rendered = state.step(Step.NOTIFY);
        String startedAt = rendered.map(StepRecord::startedAt).orElse(null);
        long durationMillis = rendered.map(StepRecord::durationMillis).orElse(0L);
        List<NotifyResult> failed = results.stream().filter(result -> !result.delivered()).toList();
        if (failed.isEmpty()) {
            List<String> recipients = results.stream().flatMap(result -> result.recipients().stream()).toList();
            String detail = String.join("; ", results.stream().map(NotifyResult::detail).toList());
            return new NotifyResult(NotifyResult.Outcome.SENT, detail, null, recipients).recordIn(state, startedAt,
                    durationMillis);
        }
        ChainState recorded = state;
        for (NotifyResult result : failed) {
            recorded = result.recordIn(recorded, startedAt, durationMillis);
        }
        return recorded;
    }

    /** Mails the outcome of the chain recorded in {@code workspace} and records the step. */
    public NotifyResult notify(final Path workspace, final MailSettings settings, final String authorEmail,
            final String link, final RunLog log) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.load().orElseThrow(() -> MlopsException.input("There is no run to report on: "
                + store.file() + " does not exist. Run the chain (mlops run) first."));
        Instant started = clock.instant();
        NotifyResult result = notifier.notify(settings, new Notification(state, authorEmail, link), log);
        if (!result.delivered()) {
            log.error("Mail not sent (the run goes on): %s", result.detail());
        }
        store.save(result.recordIn(state, started.toString(), clock.millis() - started.toEpochMilli()));
        return result;
    }
}
