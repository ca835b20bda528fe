package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.notify.Notification;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import io.jenkins.plugins.mlops.engine.source.CheckoutHead;
import io.jenkins.plugins.mlops.engine.source.FetchRequest;
import io.jenkins.plugins.mlops.engine.source.FetchResult;
import io.jenkins.plugins.mlops.engine.source.RepositoryFetcher;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The whole chain, as `mlops run` and the Jenkins step `mlopsLoop` run it: fetch → detect → study (train → check →
 * tweak, bounded) → publish → notify, with the report written at the end. Publishing comes before the mail so that
 * the mail can name the published commit. Every step is recorded in run.json as it ends, so the steps run one by one
 * give the same state. A failed mail is a warning, never a failed run.
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
        RunStateStore store = new RunStateStore(workspace);
        FetchResult head = fetch(request, workspace, store, log);
        MlopsConfig config = ConfigLoader.load(workspace, request.configFile(), request.options());
        store.save(store.loadOrStart().withStudy(config.study()));
        MailSettings mail = mailSettings(request, workspace, config);
        Detecting detecting = new Detecting(clock);
        var detection = detecting.detect(workspace, config, store, log);
        StudyOutcome study = new Studying(trainer, clock).run(workspace, config, detection, head, request, output,
                log);
        log.info("Study: %s (%s)", study.verdict(), study.reason());
        publish(workspace, store, config, study, request, log);
        String mailed = notify(workspace, store, mail, head, request.reportLink(), log);
        RunState state = store.load().orElseThrow();
        Path report = Reports.write(workspace, state);
        log.info("Report: %s", report);
        return new ChainResult(study, state, store.file().toString(), report.toString(), mailed);
    }

    private FetchResult fetch(final ChainRequest request, final Path workspace, final RunStateStore store,
            final RunLog log) {
        Instant started = clock.instant();
        if (request.url() == null) {
            Optional<FetchResult> head = CheckoutHead.of(workspace);
            RunState state = store.loadOrStart();
            state = head.map(h -> store.loadOrStart().withSourceCommit(h.commit())).orElse(state);
            store.save(Steps.record(state, Step.FETCH, StepState.SKIPPED, started, 0,
                    head.map(h -> "workspace at " + h.commit().substring(0, 8)).orElse("workspace as it is")));
            return head.orElse(null);
        }
        try {
            FetchResult result = new RepositoryFetcher().fetch(new FetchRequest(request.url(), request.branch(),
                    request.credentials(), workspace, 0), log);
            store.save(Steps.record(store.loadOrStart().withSourceCommit(result.commit()), Step.FETCH,
                    StepState.SUCCESS, started, clock.millis() - started.toEpochMilli(),
                    result.commit().substring(0, 8) + " by " + result.authorName()));
            return result;
        }
        catch (MlopsException e) {
            store.save(Steps.record(store.loadOrStart(), Step.FETCH, StepState.FAILED, started,
                    clock.millis() - started.toEpochMilli(), e.getMessage()));
            throw e;
        }
    }

    /** Publishes before the mail goes out, so that the mail names the published commit. */
    private void publish(final Path workspace, final RunStateStore store, final MlopsConfig config,
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

    private MailSettings mailSettings(final ChainRequest request, final Path workspace, final MlopsConfig config) {
        if (request.mail() != null) {
            return request.mail();
        }
        MlopsConfig.NotifySettings settings = config.mail();
        return MailSettings.resolve(environment, workspace.resolve(RunStateStore.STATE_DIR).resolve("outbox"),
                settings.to(), settings.from(), settings.subject(), settings.includeAuthor()).orElse(null);
    }

    private String notify(final Path workspace, final RunStateStore store, final MailSettings mail,
            final FetchResult head, final String link, final RunLog log) {
        Instant started = clock.instant();
        RunState state = store.load().orElseThrow();
        if (mail == null) {
            store.save(Steps.record(state, Step.NOTIFY, StepState.SKIPPED, started, 0, "no mail configured"));
            return null;
        }
        NotifyResult result = notifier.notify(mail, new Notification(state, head == null ? null : head.authorEmail(),
                link), log);
        if (!result.delivered()) {
            log.error("Mail not sent (the run goes on): %s", result.detail());
        }
        store.save(result.recordIn(state, started.toString(), clock.millis() - started.toEpochMilli()));
        return result.detail();
    }
}
