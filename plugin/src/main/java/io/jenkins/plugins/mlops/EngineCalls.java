package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
import io.jenkins.plugins.mlops.engine.pipeline.Chain;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import io.jenkins.plugins.mlops.engine.pipeline.Checking;
import io.jenkins.plugins.mlops.engine.pipeline.Detecting;
import io.jenkins.plugins.mlops.engine.pipeline.Fetching;
import io.jenkins.plugins.mlops.engine.pipeline.Notifying;
import io.jenkins.plugins.mlops.engine.pipeline.Publishing;
import io.jenkins.plugins.mlops.engine.pipeline.Training;
import io.jenkins.plugins.mlops.engine.pipeline.Tweaking;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.DockerClientFactory;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The only place where the plugin calls the engine: one engine step per plugin step, run on the agent. Each engine
 * step reads the workspace's run state, does its part and records it, so running the steps one by one in Jenkins
 * equals {@code mlops run}. Step settings become the same dotted options the CLI passes over {@code mlops.yml}.
 */
final class EngineCalls {
    private EngineCalls() {
    }

    /** Runs {@code order} in {@code workspace} and returns the run state after it with what the step reported. */
    static StepOutcome run(final StepOrder order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        Path root = workspace.toAbsolutePath().normalize();
        LinkedHashMap<String, Object> values = new LinkedHashMap<>();
        if (order instanceof StepOrder.Fetch fetch) {
            new Fetching().fetch(root, fetch.url(), fetch.branch(), fetch.credentials(), 0, log);
        }
        else if (order instanceof StepOrder.Detect detect) {
            new Detecting().detect(root, config(root, entryOptions(detect.entry())), log);
        }
        else if (order instanceof StepOrder.Train train) {
            train(train, settings, root, log);
        }
        else if (order instanceof StepOrder.Check check) {
            new Checking().check(root, config(root, checkOptions(check)), log);
        }
        else if (order instanceof StepOrder.Tweak tweak) {
            values = tweakValues(new Tweaking().tweak(new Tweaking.Order(root, config(root, tweakOptions(tweak)),
                    null, tweak.credentials()), log));
        }
        else if (order instanceof StepOrder.Notify notify) {
            notify(notify, settings, root, log);
        }
        else if (order instanceof StepOrder.Publish publish) {
            new Publishing().publishIfPassed(root, config(root, Map.of()), new Publishing.Target(
                    publish.remote().isEmpty() ? null : publish.remote(), publish.branch(), null),
                    publish.credentials(), log);
        }
        else {
            loop((StepOrder.Loop) order, settings, root, log);
        }
        return StepOutcome.done(new RunStateStore(root).load().orElseGet(() -> RunState.start("none")), values);
    }

    private static void train(final StepOrder.Train order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        Map<String, Object> options = new LinkedHashMap<>();
        String image = order.image().isEmpty() ? configuredImage(settings, workspace) : order.image();
        if (!image.isEmpty()) {
            options.put("image", image);
        }
        putIfSet(options, "train.timeout", order.timeoutMinutes() == null ? null : order.timeoutMinutes() + "m");
        try (ContainerTrainer trainer = trainer(settings)) {
            new Training(trainer).train(new Training.Order(workspace, config(workspace, options), Map.of(), null,
                    null, false, null), output(log), log);
        }
    }

    private static void notify(final StepOrder.Notify order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        MlopsConfig config = config(workspace, Map.of("notify.to", order.recipients()));
        Optional<MailSettings> mail = Notifying.settings(workspace, config, mailEnvironment(settings, ""));
        if (mail.isEmpty()) {
            log.info("Nobody to mail: set the recipients of the step or notify.to in mlops.yml");
            return;
        }
        new Notifying(new DeveloperNotifier()).notifyIfPassed(workspace, mail.get(), null, null, log);
    }

    private static void loop(final StepOrder.Loop order, final EngineSettings settings, final Path workspace,
            final RunLog log) {
        Map<String, Object> options = checkOptions(order.check());
        options.putAll(tweakOptions(order.tweak()));
        putIfSet(options, "train.timeout",
                order.train().timeoutMinutes() == null ? null : order.train().timeoutMinutes() + "m");
        if (!order.train().image().isEmpty()) {
            options.put("image", order.train().image());
        }
        options.put("publish.branch", order.publish().branch());
        Map<String, String> environment = mailEnvironment(settings, order.mail().recipients());
        try (ContainerTrainer trainer = trainer(settings)) {
            new Chain(trainer, new DeveloperNotifier(), environment).run(new ChainRequest(workspace,
                    order.fetch().url(), order.fetch().branch(), order.fetch().credentials(), null, options, null,
                    true, null), output(log), log);
        }
    }

    /**
     * What mlopsTweak returns, since the run state cannot tell whether this step made a tweak: {@code tweaked},
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

    private static ContainerTrainer trainer(final EngineSettings settings) {
        return new ContainerTrainer(docker(settings));
    }

    /**
     * The Docker daemon of the global configuration, with its TLS settings. When neither a host nor TLS is
     * configured, the agent's own environment (DOCKER_HOST, DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) decides, as it does
     * for {@code docker} there.
     */
    static DockerClientFactory docker(final EngineSettings settings) {
        if (settings.dockerHost().isEmpty() && !settings.dockerTlsVerify()) {
            return DockerClientFactory.fromEnvironment();
        }
        return DockerClientFactory.fromSettings(settings.dockerHost(), settings.dockerTlsVerify(),
                settings.dockerCertPath());
    }

    /** The image the global configuration names for the detected framework, or empty. */
    private static String configuredImage(final EngineSettings settings, final Path workspace) {
        return new RunStateStore(workspace).load().map(RunState::detection)
                .map(d -> settings.imageFor(d.type().framework().id())).orElse("");
    }

    private static MlopsConfig config(final Path workspace, final Map<String, Object> options) {
        return ConfigLoader.load(workspace, null, options);
    }

    private static Map<String, Object> entryOptions(final String entry) {
        return entry.isEmpty() ? Map.of() : Map.of("entry", entry);
    }

    private static Map<String, Object> tweakOptions(final StepOrder.Tweak tweak) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("mode", tweak.mode());
        putIfSet(options, "max_trials", tweak.maxTrials());
        return options;
    }

    private static Map<String, Object> checkOptions(final StepOrder.Check check) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("metric", check.metric());
        putIfSet(options, "target", check.target());
        return options;
    }

    /** The mail server of the global configuration, in the variables the engine reads. */
    private static Map<String, String> mailEnvironment(final EngineSettings settings, final String recipients) {
        Map<String, String> environment = new HashMap<>();
        putIfSet(environment, "MLOPS_SMTP_HOST", settings.smtpHost());
        if (!settings.smtpHost().isEmpty() && settings.smtpPort() != 0) {
            environment.put("MLOPS_SMTP_PORT", Integer.toString(settings.smtpPort()));
        }
        putIfSet(environment, "MLOPS_SMTP_SECURITY", settings.smtpSecurity());
        putIfSet(environment, "MLOPS_SMTP_USER", settings.smtpUser());
        putIfSet(environment, "MLOPS_SMTP_PASSWORD", settings.smtpPassword());
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
