package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.gate.GateSpec;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.source.FetchResult;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The study step of the chain: wires the stages into the in-build or via-git loop. A via-git study pushes each tweak
 * with the pusher the chain hands in (its branch, credentials and committer).
 */
public final class Studying {
    private final ContainerTrainer trainer;
    private final Clock clock;

    /** A study step that trains with {@code trainer}. */
    public Studying(final ContainerTrainer trainer, final Clock clock) {
        this.trainer = trainer;
        this.clock = clock;
    }

    /**
     * Runs the study of {@code workspace} as {@code config} says, on the model {@code detection} found, and leaves the
     * best trial's code and weights in the workspace; {@code head} is the checkout a via-git study trains.
     */
    public StudyOutcome run(final Path workspace, final MlopsConfig config, final Detection detection, final FetchResult head,
            final TweakPusher pusher, final TrainingOutput output, final RunLog log) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        String chainId = store.checkedChainId(store.loadOrStart());
        int swept = trainer.sweepOrphans(chainId);
        if (swept > 0) {
            log.info("Removed %d container(s) and volume(s) left by an interrupted attempt of this run", swept);
        }
        TrialJudge judge = new GateJudge(new GateSpec(config.objective(), config.metricFile()));
        Tweaker tweaker = Tweakers.of(config, detection.type());
        // Closing removes the study's shared copy of the workspace, also when a trial failed or the chain was aborted.
        String image = config.checkedRecordedImage(detection.image(), store.file());
        try (TrialTrainer trials = new DockerTrialTrainer(trainer, config, workspace, image, chainId,
                output, config.study().parallel())) {
            if (config.study().mode() == Mode.VIA_GIT) {
                if (head == null) {
                    throw MlopsException.input("via-git mode needs a git checkout: fetch the repository (mlops fetch "
                            + "URL, or a Jenkins SCM) or use mode: in-build.");
                }
                return new ViaGitStudy(workspace, config, detection.entry(), trials, judge, tweaker, pusher, clock)
                        .run(head.commit(), TrialTrailers.read(workspace), log);
            }
            StudyOutcome outcome = new StudyRunner(workspace, config, detection.entry(), trials, judge, tweaker,
                    StopRules.plateau(config), clock).run(log);
            if (outcome.best() != null) {
                adoptWinner(workspace, config, detection, outcome, log);
            }
            return outcome;
        }
    }

    /** The workspace ends up holding the best trial's code and weights: what publish and notify get. */
    private static void adoptWinner(final Path workspace, final MlopsConfig config, final Detection detection,
            final StudyOutcome outcome, final RunLog log) {
        TrialWorkspaces workspaces = new TrialWorkspaces(workspace);
        int best = outcome.best().number();
        List<String> files = new ArrayList<>();
        files.add(detection.entry());
        files.addAll(workspaces.artifacts(best, config.train().artifacts()));
        List<String> refused = workspaces.adopt(best, files);
        files.removeIf(file -> refused.stream().anyMatch(line -> line.startsWith(file + " (")));
        log.info("The workspace now holds trial %d's code and model files: %s", best, String.join(", ", files));
        if (!refused.isEmpty()) {
            log.error("Not copied into the workspace from trial %d: %s", best, String.join("; ", refused));
        }
    }
}
