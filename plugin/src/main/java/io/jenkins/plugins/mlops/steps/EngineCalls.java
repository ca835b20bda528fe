package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.config.MailServer;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettingNames;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.notify.NotifyResult;
import io.jenkins.plugins.mlops.engine.pipeline.Chain;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import io.jenkins.plugins.mlops.engine.pipeline.Checking;
import io.jenkins.plugins.mlops.engine.pipeline.Detecting;
import io.jenkins.plugins.mlops.engine.pipeline.Fetching;
import io.jenkins.plugins.mlops.engine.pipeline.Notifying;
import io.jenkins.plugins.mlops.engine.pipeline.Publishing;
import io.jenkins.plugins.mlops.engine.pipeline.Training;
import io.jenkins.plugins.mlops.engine.pipeline.Tweaking;
import io.jenkins.plugins.mlops.engine.study.AskTell;
import io.jenkins.plugins.mlops.engine.study.StudyStatus;
import io.jenkins.plugins.mlops.engine.study.TrialWorker;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.DockerClientFactory;
import io.jenkins.plugins.mlops.engine.train.SandboxPolicy;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The only place where the plugin calls the engine: one engine step per plugin step, run on the agent. Each engine
 * step reads the workspace's chain state, does its part and records it, so running the steps one by one in Jenkins
 * equals {@code mlops run}. Step settings become the same dotted options the CLI passes over {@code mlops.yml}.
 */
final class EngineCalls {
    /** The settings a failed delivery names: Jenkins has fields, not the CLI's MLOPS_SMTP_* variables. */
    private static final MailSettingNames JENKINS_MAIL = new MailSettingNames(
            "the SMTP server and port of Manage Jenkins > System > MLOps",
            "the SMTP security of Manage Jenkins > System > MLOps",
            "the SMTP credentials of Manage Jenkins > System > MLOps",
            "the Java trust store of the Jenkins controller");

    private EngineCalls() {
    }

    /** Runs {@code order} in {@code workspace} and returns the chain state after it with what the step reported. */
    static StepOutcome run(final StepOrder order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        Path root = workspace.toAbsolutePath().normalize();
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        Path rendered = null;
        if (order instanceof StepOrder.Fetch fetch) {
            new Fetching().fetch(root, fetch.url(), fetch.branch(), fetch.credentials(), 0, log);
        }
        else if (order instanceof StepOrder.Detect detect) {
            new Detecting().detect(root, config(settings, root, Overrides.builder().entry(detect.entry()).build()),
                    log);
        }
        else if (order instanceof StepOrder.Train train) {
            train(train, settings, root, log);
        }
        else if (order instanceof StepOrder.Check check) {
            new Checking().check(root, config(settings, root, checkOptions(check).build()), log);
        }
        else if (order instanceof StepOrder.Tweak tweak) {
            values = tweakValues(new Tweaking().tweak(new Tweaking.Order(root, config(settings, root,
                    tweakOptions(Overrides.builder(), tweak).build()),
                    null, tweak.credentials()), log));
        }
        else if (order instanceof StepOrder.Notify notify) {
            rendered = notify(notify, settings, root, log);
        }
        else if (order instanceof StepOrder.Ask ask) {
            AskTell study = new AskTell(root, config(settings, root, Overrides.NONE));
            Duration lease = ask.leaseMinutes() == null ? study.defaultLease() : minutes(ask.leaseMinutes());
            values.put("trials", TrialMaps.specs(study.ask(ask.count(), null, lease, log)));
        }
        else if (order instanceof StepOrder.TrainAsked asked) {
            // The worker's checkout has no study: only the result goes back, the build's chain state stays the home's.
            return StepOutcome.done(null, TrialMaps.report(trainAsked(asked, settings, root, log)));
        }
        else if (order instanceof StepOrder.Tell tell) {
            AskTell study = new AskTell(root, config(settings, root, Overrides.NONE));
            StudyStatus status = null;
            for (TrialReport report : tell.reports()) {
                status = study.tell(report, log);
            }
            values = studyValues(status == null ? study.status(log) : status);
        }
        else if (order instanceof StepOrder.Publish publish) {
            new Publishing().publishIfPassed(root, config(settings, root, Overrides.NONE), new Publishing.Target(
                    publish.remote().isEmpty() ? null : publish.remote(), publish.branch(), null),
                    publish.credentials(), log);
        }
        else {
            rendered = loop((StepOrder.Loop) order, settings, root, log);
        }
        StepOutcome outcome = StepOutcome.done(new ChainStateStore(root).load().orElseGet(() -> ChainState.start("none")),
                values);
        // Only the file this step rendered: the outbox folder is in the checkout, where the repository may plant mail.
        return settings.controllerMail() && rendered != null
                ? outcome.withOutbox(Outboxes.rendered(root, rendered, log)) : outcome;
    }

    /**
     * Sends the mails the agent rendered, from the controller, through {@code server}: the SMTP login never leaves
     * the controller (as with Mailer and email-ext). The notify step of {@code state} then says what became of them
     * (sent, or a warning), not "in outbox".
     *
     * @param server where to send
     * @param state  the chain state the rendering step recorded
     * @param mails  the rendered mails by file name in the workspace's outbox
     * @param log    the build log
     * @return the names of the mails that were sent, and the chain state with their delivery
     */
    static Delivery deliver(final MailServer server, final ChainState state, final Map<String, byte[]> mails,
            final RunLog log) {
        MailSettings settings = MailSettings.server(server.host(), server.port(),
                MailSettings.Security.valueOf(server.security().toUpperCase(Locale.ROOT)), server.user(),
                server.password(), Path.of(ChainStateStore.STATE_DIR, "outbox"));
        DeveloperNotifier notifier = new DeveloperNotifier().withSettingNames(JENKINS_MAIL);
        List<String> sent = new ArrayList<>();
        List<NotifyResult> results = new ArrayList<>();
        mails.forEach((name, eml) -> {
            NotifyResult result = notifier.deliver(settings, eml, log);
            results.add(result);
            if (result.outcome() == NotifyResult.Outcome.SENT) {
                sent.add(name);
            }
        });
        return new Delivery(List.copyOf(sent), Notifying.delivered(state, results));
    }

    /**
     * The rendered mails recorded as not sent for {@code reason} (e.g. the SMTP credentials are gone), with a warning
     * in the build log; they stay in the workspace's outbox.
     */
    static Delivery undelivered(final ChainState state, final Map<String, byte[]> mails, final String reason,
            final RunLog log) {
        String detail = "mail not sent: " + reason + "; the rendered mail stays in the outbox it was rendered into";
        log.error("notify: WARNING %s", detail);
        List<NotifyResult> results = mails.keySet().stream()
                .map(name -> new NotifyResult(NotifyResult.Outcome.WARNING, detail, null, List.of())).toList();
        return new Delivery(List.of(), Notifying.delivered(state, results));
    }

    /**
     * What the controller's sending of rendered mails came to.
     *
     * @param sent  the names of the mails that were sent (to be removed from the workspace's outbox)
     * @param state the chain state with their delivery recorded
     */
    record Delivery(List<String> sent, ChainState state) {
    }

    private static void train(final StepOrder.Train order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        Overrides options = Overrides.builder().image(order.image()).timeout(minutes(order.timeoutMinutes()))
                .build();
        try (ContainerTrainer trainer = trainer(settings)) {
            new Training(trainer).train(Training.Order.of(workspace, config(settings, workspace, options)),
                    output(log), log);
        }
    }

    private static TrialReport trainAsked(final StepOrder.TrainAsked order, final EngineSettings settings,
            final Path workspace, final RunLog log) {
        Overrides options = Overrides.builder().image(order.image().isEmpty() ? null : order.image())
                .timeout(minutes(order.timeoutMinutes())).build();
        try (ContainerTrainer trainer = trainer(settings)) {
            return new TrialWorker(trainer).train(order.trial(), workspace, config(settings, workspace, options),
                    order.worker(), output(log), log);
        }
    }

    /** Renders the step's mail and returns the outbox file it went to, or {@code null} when none was rendered. */
    private static Path notify(final StepOrder.Notify order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        MlopsConfig config = config(settings, workspace,
                Overrides.builder().recipients(order.recipients()).build());
        Optional<MailSettings> mail = Notifying.settings(workspace, config,
                mailEnvironment(settings, order.recipients()));
        if (mail.isEmpty()) {
            log.info("Nobody to mail: set the recipients of the step or notify.to in mlops.yml");
            return null;
        }
        return new Notifying(notifier(settings)).notifyIfPassed(workspace, mail.get(), null, order.reportLink(), log)
                .filter(result -> result.outcome() == NotifyResult.Outcome.WRITTEN_TO_OUTBOX)
                .map(NotifyResult::emlFile).orElse(null);
    }

    /** Runs the chain and returns the outbox file its mail was rendered into, or {@code null}. */
    private static Path loop(final StepOrder.Loop order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        Overrides options = tweakOptions(checkOptions(order.check()), order.tweak())
                .timeout(minutes(order.train().timeoutMinutes())).image(order.train().image())
                .publishBranch(order.publish().branch()).build();
        Map<String, String> environment = mailEnvironment(settings, order.mail().recipients());
        try (ContainerTrainer trainer = trainer(settings)) {
            ChainRequest request = ChainRequest.of(workspace)
                    .withFetch(order.fetch().url(), order.fetch().branch(), order.fetch().credentials())
                    .withOptions(options).withOperator(settings.policy()).withPublish(true)
                    .withReportLink(order.mail().reportLink());
            String rendered = new Chain(trainer, notifier(settings), environment).run(request, output(log), log)
                    .rendered();
            return rendered == null ? null : Path.of(rendered);
        }
    }

    /**
     * What mlopsTweak returns, since the chain state cannot tell whether this step made a tweak: {@code tweaked},
     * {@code change}, {@code diff}, {@code params}, {@code commit} (pushed in via-git mode) and {@code reason}.
     */
    private static LinkedHashMap<String, Object> tweakValues(final Tweaking.Result tweak) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        values.put("tweaked", tweak.made());
        values.put("change", tweak.change());
        values.put("diff", tweak.diff());
        LinkedHashMap<String, Object> params = new LinkedHashMap<>();
        // Sampled values are numbers, booleans or strings; anything else travels as its text.
        tweak.params().forEach((name, value) -> params.put(name,
                value instanceof Number || value instanceof Boolean || value instanceof String ? value
                        : String.valueOf(value)));
        values.put("params", params);
        values.put("commit", tweak.commit());
        values.put("reason", tweak.reason());
        return values;
    }

    /** The study after a tell (its values live in the engine's pipeline package, so they are read here): {@code done}, {@code passed}, {@code verdict}, {@code reason}, {@code best}. */
    private static LinkedHashMap<String, Object> studyValues(final StudyStatus status) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("done", status.done());
        map.put("passed", status.passed());
        map.put("verdict", status.verdict().name());
        map.put("reason", status.reason());
        map.put("running", status.running());
        map.put("finished", status.finished());
        TrialRecord best = status.best();
        LinkedHashMap<String, Object> bestMap = null;
        if (best != null) {
            bestMap = new LinkedHashMap<>();
            bestMap.put("trial", best.number());
            bestMap.put("metric", best.metric());
            bestMap.put("change", best.change());
            TrialMaps.putLocation(bestMap, best.modelLocation());
        }
        map.put("best", bestMap);
        return map;
    }

    private static ContainerTrainer trainer(final EngineSettings settings) {
        EngineSettings.Sandbox sandbox = settings.sandbox();
        return new ContainerTrainer(docker(settings), SandboxPolicy.of(sandbox.allowRoot(), sandbox.maxFileBytes(),
                sandbox.maxTotalBytes()));
    }

    /**
     * The Docker daemon of the global configuration, with its TLS settings. When neither a host nor TLS is
     * configured, the build's environment (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH as withEnv,
     * withDockerServer or the node's properties set them) decides, as it does for {@code sh 'docker ...'}.
     */
    static DockerClientFactory docker(final EngineSettings settings) {
        if (settings.dockerHost().isEmpty() && !settings.dockerTlsVerify()) {
            return DockerClientFactory.fromEnvironment(settings.dockerEnvironment());
        }
        return DockerClientFactory.fromSettings(settings.dockerHost(), settings.dockerTlsVerify(),
                settings.dockerCertPath());
    }

    /** The chain's configuration: the step's settings over mlops.yml over the operator's defaults and policy. */
    private static MlopsConfig config(final EngineSettings settings, final Path workspace, final Overrides options) {
        return ConfigLoader.load(workspace, null, options, settings.policy());
    }

    private static Overrides.Builder tweakOptions(final Overrides.Builder options, final StepOrder.Tweak tweak) {
        return options.mode(tweak.mode()).maxTrials(tweak.maxTrials());
    }

    private static Duration minutes(final Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static Overrides.Builder checkOptions(final StepOrder.Check check) {
        return Overrides.builder().metric(check.metric()).target(check.target());
    }

    /**
     * On the agent the mail is only rendered, into the workspace's outbox: with an SMTP server configured the
     * controller sends it; without one it stays there, and the log names the Jenkins setting to fill in.
     */
    private static DeveloperNotifier notifier(final EngineSettings settings) {
        return new DeveloperNotifier().withOutboxReason(settings.controllerMail()
                ? "the Jenkins controller sends the mail with the SMTP server of Manage Jenkins > System > MLOps"
                : "no SMTP server configured (Manage Jenkins > System > MLOps > SMTP server)");
    }

    /** Sender and recipients in the variables the engine reads; never a server or login (no host: the outbox). */
    private static Map<String, String> mailEnvironment(final EngineSettings settings, final String recipients) {
        Map<String, String> environment = new HashMap<>();
        putIfSet(environment, "MLOPS_MAIL_FROM", settings.mailFrom());
        putIfSet(environment, "MLOPS_MAIL_TO", recipients);
        return environment;
    }

    /** Only what the step set goes over mlops.yml; the rest is left to the repository or the default. */
    private static <T> void putIfSet(final Map<String, T> values, final String key, final T value) {
        if (value != null && !"".equals(value)) {
            values.put(key, value);
        }
    }

    /** Container output goes to the build log as it comes. */
    private static TrainingOutput output(final RunLog log) {
        return new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                log.info("%s", line);
            }

            @Override
            public void stderr(final String line) {
                log.info("%s", line);
            }
        };
    }
}
