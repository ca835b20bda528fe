package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import io.jenkins.plugins.mlops.engine.source.FetchResult;
import io.jenkins.plugins.mlops.engine.source.TweakCommitter;
import io.jenkins.plugins.mlops.engine.study.StudyOutcome;
import io.jenkins.plugins.mlops.engine.study.Studying;
import io.jenkins.plugins.mlops.engine.study.TweakPusher;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The whole chain: fetch → detect → study (train → check → tweak, bounded) → publish → notify, with the report written
 * at the end. One concept, three names: {@code Chain} in the code, {@code mlops run} on the command line and
 * {@code mlopsLoop} as a Jenkins Pipeline step (the names users know stay). The words inside it: the study searches
 * toward the objective (metric, direction, target) with trials; the gate checks a trial's metric against the target. Publishing comes before the mail so that
 * the mail can name the published commit. Every step is recorded in run.json as it ends, so the steps run one by one
 * give the same state. A failed mail is a warning, never a failed chain.
 */
public final class Chain {
    private final ContainerTrainer trainer;
    private final DeveloperNotifier notifier;
    private final Map<String, String> environment;
    private final Clock clock;

    /** A chain that trains with {@code trainer} and takes mail settings from {@code environment}. */
    public Chain(final ContainerTrainer trainer, final DeveloperNotifier notifier,
            final Map<String, String> environment) {
        this(trainer, notifier, environment, Clock.systemUTC());
    }

    Chain(final ContainerTrainer trainer, final DeveloperNotifier notifier, final Map<String, String> environment,
            final Clock clock) {
        this.trainer = trainer;
        this.notifier = notifier;
        this.environment = Map.copyOf(environment);
        this.clock = clock;
    }

    /** Runs the chain; training output goes to {@code output} line by line, everything else to {@code log}. */
    public ChainResult run(final ChainRequest request, final TrainingOutput output, final RunLog log) {
        Path workspace = request.workspace().toAbsolutePath().normalize();
        ChainStateStore store = new ChainStateStore(workspace);
        FetchResult head = new Fetching(clock).fetch(workspace, request.url(), request.branch(),
                request.credentials(), 0, log).orElse(null);
        MlopsConfig config = ConfigLoader.load(workspace, request.configFile(), request.options(),
                request.operator());
        store.save(store.loadOrStart().withObjective(config.objective()));
        MailSettings mail = Notifying.settings(workspace, config, environment).orElse(null);
        Detection detection = new Detecting(clock).detect(workspace, config, log);
        TweakPusher pusher = (checkout, file, message, pushLog) -> TweakCommitter.commitAndPush(checkout, file,
                message, request.branch(), request.credentials(), Publishing.committer(config, workspace));
        StudyOutcome study = new Studying(trainer, clock).run(workspace, config, detection, head, pusher, output,
                log);
        log.info("Study: %s (%s)", study.verdict(), study.reason());
        publish(workspace, store, config, study, request, log);
        NotifyResult mailed = notify(workspace, store, mail, head, request.reportLink(), log);
        ChainState state = store.load().orElseThrow();
        Path report = Reports.write(workspace, state);
        log.info("Report: %s", report);
        return new ChainResult(study, state, store.file().toString(), report.toString(),
                mailed == null ? null : mailed.detail(), rendered(mailed));
    }

    /** Publishes before the mail goes out, so that the mail names the published commit. */
    private void publish(final Path workspace, final ChainStateStore store, final MlopsConfig config,
            final StudyOutcome study, final ChainRequest request, final RunLog log) {
        if (!study.passed()) {
            Publishing.skip(store, clock.instant(), "target not met");
        }
        else if (!request.publish() || !config.publish().enabled()) {
            Publishing.skip(store, clock.instant(), "publishing turned off");
        }
        else {
            new Publishing(clock).publish(workspace, config, Publishing.Target.CONFIGURED, request.credentials(),
                    false, log);
        }
    }

    /** The outbox file of a mail rendered for another process to send (no SMTP server here), or {@code null}. */
    private static String rendered(final NotifyResult mailed) {
        return mailed == null || mailed.outcome() != NotifyResult.Outcome.WRITTEN_TO_OUTBOX || mailed.emlFile() == null
                ? null : mailed.emlFile().toString();
    }

    private NotifyResult notify(final Path workspace, final ChainStateStore store, final MailSettings mail,
            final FetchResult head, final String link, final RunLog log) {
        if (mail == null) {
            store.save(Steps.record(store.load().orElseThrow(), Step.NOTIFY, StepState.SKIPPED, clock.instant(), 0,
                    "no mail configured"));
            return null;
        }
        return new Notifying(notifier, clock).notify(workspace, mail, head == null ? null : head.authorEmail(), link,
                log);
    }
}
