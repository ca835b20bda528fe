package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.publish.ModelCard;
import io.jenkins.plugins.mlops.engine.publish.ModelPublisher;
import io.jenkins.plugins.mlops.engine.publish.ModelTags;
import io.jenkins.plugins.mlops.engine.publish.PublishRequest;
import io.jenkins.plugins.mlops.engine.publish.PublishResult;
import io.jenkins.plugins.mlops.engine.source.Committer;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.study.ModelFiles;
import io.jenkins.plugins.mlops.engine.study.TrialWorkspaces;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The publish step, for the chain and for {@code mlops publish}/{@code mlopsPublish}: the best trial's entry and model
 * files with a model card go to the models branch, tagged, and the step is recorded in run.json. Only a model that
 * passed its gate is published.
 */
public final class Publishing {
    private final Clock clock;

    /** A publish step on the system clock. */
    public Publishing() {
        this(Clock.systemUTC());
    }

    Publishing(final Clock clock) {
        this.clock = clock;
    }

    /**
     * Where to publish, each {@code null} for the configuration's choice.
     *
     * @param remote the remote URL (default: the workspace's origin)
     * @param branch the branch (default: {@code mlops/models})
     * @param tag    the tag (default: {@code model-<build or trial>-<metric>-<value>})
     */
    public record Target(String remote, String branch, String tag) {
        /** The configuration's choices. */
        public static final Target CONFIGURED = new Target(null, null, null);
    }

    /** Publishes the best trial of the workspace's chain; a dry run only logs what would be committed and pushed. */
    public PublishResult publish(final Path workspace, final MlopsConfig config, final Target target,
            final GitCredentials credentials, final boolean dryRun, final RunLog log) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.load().orElseThrow(() -> MlopsException.input("The workspace " + workspace
                + " has no run state (" + ChainStateStore.STATE_FILE + "): train and check a model before publishing."));
        TrialRecord best = state.best().orElseThrow(() -> MlopsException.input("No trial in " + store.file()
                + " finished with a metric, so there is no model to publish. Train and check a model first."));
        if (state.gate() == null || state.gate().verdict() != Verdict.PASSED) {
            throw MlopsException.input("The study has not passed its gate (verdict "
                    + (state.gate() == null ? "none yet" : state.gate().verdict()) + "); only a model that met the "
                    + "target is published.");
        }
        Instant started = clock.instant();
        Path folder = filesFolder(workspace, best);
        ModelCard card = ModelCard.of(state, started);
        PublishRequest request = new PublishRequest(workspace,
                target.remote() != null ? target.remote() : config.publish().remote(),
                target.branch() != null ? target.branch() : config.publish().branch(), credentials, folder,
                files(folder, state, config.train().artifacts()), card,
                target.tag() != null ? target.tag() : defaultTag(best, card), config.publish().sizeLimitBytes(),
                dryRun, committer(config, workspace));
        try {
            PublishResult result = new ModelPublisher().publish(request, log);
            if (!result.dryRun()) {
                store.save(Steps.record(store.load().orElseThrow().withPublished(result.published()), Step.PUBLISH,
                        StepState.SUCCESS, started, clock.millis() - started.toEpochMilli(),
                        result.published().tag() + " on " + result.published().branch()));
            }
            return result;
        }
        catch (MlopsException e) {
            store.save(Steps.record(store.load().orElseThrow(), Step.PUBLISH, StepState.FAILED, started,
                    clock.millis() - started.toEpochMilli(), e.getMessage()));
            throw e;
        }
    }

    /**
     * The publish step of a chain run step by step (the Jenkins steps): publishes only when the latest gate passed;
     * otherwise records the step as skipped and says why, because a chain below target goes on with the next trial.
     *
     * @return where the model went, or empty when nothing was published
     */
    public Optional<PublishResult> publishIfPassed(final Path workspace, final MlopsConfig config,
            final Target target, final GitCredentials credentials, final RunLog log) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        Optional<String> notPassed = store.load().flatMap(Notifying::notPassed);
        if (notPassed.isPresent()) {
            log.info("Not publishing: %s; only a model that met the target is published", notPassed.get());
            skip(store, clock.instant(), "target not met");
            return Optional.empty();
        }
        return Optional.of(publish(workspace, config, target, credentials, false, log));
    }

    /** Who the tool's commits in {@code workspace} are from, by its configuration. */
    static Committer committer(final MlopsConfig config, final Path workspace) {
        return Committer.of(config.git().committerName(), config.git().committerEmail(), workspace);
    }

    /** Records that the chain did not publish, and why. */
    static void skip(final ChainStateStore store, final Instant now, final String reason) {
        store.save(Steps.record(store.load().orElseThrow(), Step.PUBLISH, StepState.SKIPPED, now, 0, reason));
    }

    /** Trials train in copies: the best trial's own folder holds its code and weights, when it is still there. */
    private static Path filesFolder(final Path workspace, final TrialRecord best) {
        Path trialWork = new TrialWorkspaces(workspace).workDir(best.number());
        return Files.isDirectory(trialWork) ? trialWork : workspace;
    }

    private static List<String> files(final Path folder, final ChainState state, final List<String> artifactGlobs) {
        Set<String> files = new LinkedHashSet<>();
        if (state.detection() != null && Files.isRegularFile(folder.resolve(state.detection().entry()))) {
            files.add(state.detection().entry());
        }
        files.addAll(ModelFiles.matching(folder, artifactGlobs));
        if (files.isEmpty()) {
            throw MlopsException.input("Nothing to publish in " + folder + ": no entry script and no file matching "
                    + "the artifact globs " + artifactGlobs + ". Set train.artifacts in mlops.yml to the weights' "
                    + "file names (e.g. '*.h5').");
        }
        return new ArrayList<>(files);
    }

    /** {@code model-build<N>-...} on a CI server (BUILD_NUMBER), else {@code model-<trial>-...}. */
    private static String defaultTag(final TrialRecord best, final ModelCard card) {
        String build = System.getenv("BUILD_NUMBER");
        String id = build == null || build.isBlank() ? Integer.toString(best.number()) : "build" + build;
        return ModelTags.name(id, card.metric(), card.value());
    }
}
