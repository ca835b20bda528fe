package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.ConfigOrigin;
import io.jenkins.plugins.mlops.engine.config.DatasetSource;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.study.MetricLinesFile;
import io.jenkins.plugins.mlops.engine.study.ViaGitTweak;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingRequest;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The train step on its own ({@code mlops train}, {@code mlopsTrain}): one training in the workspace itself, recorded
 * as a trial in run.json (the metric is added by the check step). Image and entry come from the configuration, else
 * from the detection in run.json, made first when nothing was detected yet; a tweak left by the tweak step gives the
 * trial its parameters, diff and change.
 */
public final class Training {
    private final ContainerTrainer trainer;
    private final Clock clock;

    /** A train step that trains with {@code trainer}. */
    public Training(final ContainerTrainer trainer) {
        this(trainer, Clock.systemUTC());
    }

    Training(final ContainerTrainer trainer, final Clock clock) {
        this.trainer = trainer;
        this.clock = clock;
    }

    /**
     * What to train: {@link #of} a workspace and its configuration, with the {@code with...} options.
     *
     * @param workspace     the model repository
     * @param config        its configuration (image, entry, limits)
     * @param params        the trial's parameters (empty: a tweak's, or none)
     * @param trial         the trial number, or {@code null} for the next one
     * @param bindMount     bind-mount the workspace instead of copying it (local daemons only)
     * @param dockerfileDir where to build a missing image from, or {@code null}
     */
    public record Order(Path workspace, MlopsConfig config, Map<String, Object> params, Integer trial,
            boolean bindMount, Path dockerfileDir) {
        public Order {
            params = params == null ? Map.of() : params;
        }

        /** The next trial of {@code workspace}, trained as {@code config} says, in a copy of the workspace. */
        public static Order of(final Path workspace, final MlopsConfig config) {
            return new Order(workspace, config, Map.of(), null, false, null);
        }

        /** This order with the trial's parameters. */
        public Order withParams(final Map<String, Object> newParams) {
            return new Order(workspace, config, newParams, trial, bindMount, dockerfileDir);
        }

        /** This order for trial {@code number} ({@code null}: the next one). */
        public Order withTrial(final Integer number) {
            return new Order(workspace, config, params, number, bindMount, dockerfileDir);
        }

        /** This order bind-mounting the workspace or not. */
        public Order withBindMount(final boolean mount) {
            return new Order(workspace, config, params, trial, mount, dockerfileDir);
        }

        /** This order building a missing image from {@code dir} ({@code null}: never). */
        public Order withDockerfileDir(final Path dir) {
            return new Order(workspace, config, params, trial, bindMount, dir);
        }
    }

    /**
     * Removes what a crashed chain of {@code workspace} left on the daemon: its training containers and shared
     * volumes. The chain id becomes a label filter of forced removals on a daemon other builds share, so it is read
     * as every step reads the state (a checkout that tracks .mlops is refused) and used only in the form the tool
     * gives it.
     *
     * @return how many containers and volumes were removed; 0 when the workspace has no chain state
     * @throws MlopsException (input) for a checkout that tracks .mlops or a chain id the tool did not make
     */
    public int sweep(final Path workspace) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        return store.load().map(state -> trainer.sweepOrphans(store.checkedChainId(state))).orElse(0);
    }

    /** Trains once and records the trial; a failure of the script is a result, not an exception. */
    public TrainingResult train(final Order order, final TrainingOutput output, final RunLog log) {
        Path workspace = order.workspace().toAbsolutePath().normalize();
        TrackedState.refuse(workspace);
        if (order.config().entry() == null || order.config().image() == null) {
            new Detecting(clock).detectedOrDetect(workspace, order.config(), "training", log);
        }
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.loadOrStart().withObjective(order.config().objective());
        Optional<PendingTweak> tweak = PendingTweak.take(workspace);
        Map<String, Object> params = order.params().isEmpty() && tweak.isPresent() ? tweak.get().params()
                : order.params();
        int number;
        String change;
        EditRecord edit = null;
        // A folder that is no git checkout (a script trained where it was written) has no trial history to read.
        boolean checkout = Files.isDirectory(workspace.resolve(".git"), LinkOption.NOFOLLOW_LINKS);
        List<TrialTrailers.RecordedTrial> recorded = checkout || order.config().study().mode() == Mode.VIA_GIT
                ? TrialTrailers.read(workspace) : List.of();
        if (viaGit(order.config(), recorded)) {
            // The checkout may be fresh (another agent, a wiped workspace, Jenkins' own Git SCM): the trailers, not
            // run.json, say which trial this commit is and what it changed, as the via-git tweak step counts them.
            state = ViaGitTweak.withHistory(state, recorded).withMode(Mode.VIA_GIT);
            number = order.trial() == null ? ViaGitTweak.current(recorded) : order.trial();
            change = ViaGitTweak.changeOf(recorded, number);
            edit = ViaGitTweak.editOf(recorded, number);
        }
        else {
            number = order.trial() == null ? state.nextTrialNumber() : order.trial();
            change = state.trials().isEmpty() ? "baseline" : null;
        }
        TrainingRequest request = request(order, params, workspace, state, number);
        Instant started = clock.instant();
        TrialRecord running = TrialRecord.running(request.trialNumber(), request.params(),
                tweak.map(PendingTweak::diff).orElse(null), tweak.map(PendingTweak::change).orElse(change),
                state.sourceCommit(), started.toString()).withEdit(tweak.map(PendingTweak::edit).orElse(edit));
        store.save(state.withTrial(running));
        TrainingResult result;
        try {
            result = trainer.train(request, output, log);
        }
        catch (MlopsException e) {
            ChainState failed = store.loadOrStart().withTrial(running.finish(TrialState.FAILED, null, elapsed(started),
                    null, e.getMessage()));
            store.save(Steps.record(failed, Step.TRAIN, StepState.FAILED, started, elapsed(started), e.getMessage()));
            throw e;
        }
        MetricLinesFile.save(workspace, MetricLinesFile.of(result));
        TrialRecord finished = running.finish(result.state(), null, result.duration().toMillis(),
                result.imageDigest(), result.message());
        store.save(Steps.record(store.loadOrStart().withTrial(finished), Step.TRAIN,
                result.isComplete() ? StepState.SUCCESS : StepState.FAILED, started, elapsed(started),
                "trial " + finished.number() + " " + result.state()));
        return result;
    }

    /**
     * Whether this training is a trial of a via-git study: the configuration says so, or nobody chose a mode and the
     * checked-out history carries trial trailers (a freestyle job whose own SCM checked the tweak out, with the
     * train step knowing nothing of the tweak step's mode). An explicit {@code mode: in-build} is respected.
     */
    static boolean viaGit(final MlopsConfig config, final List<TrialTrailers.RecordedTrial> recorded) {
        if (config.study().mode() == Mode.VIA_GIT) {
            return true;
        }
        return !recorded.isEmpty() && config.origin("mode") == ConfigOrigin.BUILT_IN;
    }

    private static TrainingRequest request(final Order order, final Map<String, Object> params, final Path workspace,
            final ChainState state, final int number) {
        MlopsConfig config = order.config();
        Detection detection = state.detection();
        String entry = firstOf(config.entry(), detection == null ? null : detection.entry());
        String image = config.image() != null ? config.image()
                : config.checkedRecordedImage(detection == null ? null : detection.image(),
                        new ChainStateStore(workspace).file());
        if (entry == null) {
            throw MlopsException.input("No training script named and none detected. Pass --entry FILE or set "
                    + "`entry:` in mlops.yml.");
        }
        MlopsConfig.TrainSettings limits = config.train();
        return TrainingRequest.builder(workspace, image, entry)
                .params(params)
                .trial(state.chainId(), number)
                .timeout(limits.timeout())
                .limits(TrainingRequest.Limits.DEFAULT.withMemoryBytes(limits.memoryBytes()).withCpus(limits.cpus()))
                .network(limits.network())
                .gpus(limits.gpus())
                .dataset(DatasetSource.of(workspace, limits.dataset()),
                        limits.datasetMount())
                .bindMount(order.bindMount())
                .artifacts(limits.artifacts())
                .metricFiles(List.of("metrics.json", config.metricFile()))
                .dockerfileDir(order.dockerfileDir() == null ? null : order.dockerfileDir().toAbsolutePath())
                .build();
    }

    private static String firstOf(final String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private long elapsed(final Instant started) {
        return clock.millis() - started.toEpochMilli();
    }
}
