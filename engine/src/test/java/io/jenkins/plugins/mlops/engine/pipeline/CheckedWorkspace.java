package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

/**
 * A workspace as a step-by-step chain leaves it before the tweak: fetched by the real fetch step, detected as a
 * scikit-learn MLP, one trial trained and checked. The steps that need Docker are stood in for by their records.
 */
final class CheckedWorkspace {
    /** A scikit-learn script the source rewriter can tweak: max_iter 20 -> 40 first. */
    static final String SCRIPT = """
            from sklearn.neural_network import MLPClassifier
            model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=20)
            """;

    private final List<String> lines = new ArrayList<>();
    private final RunLog log = new RunLog((error, line) -> lines.add(line));
    private final Path workspace;

    private CheckedWorkspace(final Path workspace) {
        this.workspace = workspace;
    }

    /** Fetches {@code url} into {@code workspace} and records the detection, as mlopsFetch and mlopsDetect do. */
    static CheckedWorkspace fetch(final String url, final GitCredentials credentials, final Path workspace) {
        CheckedWorkspace checked = new CheckedWorkspace(workspace);
        new Fetching().fetch(workspace, url, "main", credentials, 0, checked.log);
        ChainStateStore store = new ChainStateStore(workspace);
        store.save(store.load().orElseThrow().withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of())));
        return checked;
    }

    /** Records the next trial as trained with {@code metric} and checked against 0.90, as train and check do. */
    CheckedWorkspace checked(final double metric) {
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.load().orElseThrow();
        TrialRecord trial = TrialRecord.running(state.nextTrialNumber(), Map.of(), null, null, state.sourceCommit(),
                null).finish(TrialState.COMPLETE, metric, 1_000, null, null);
        Verdict verdict = metric >= 0.9 ? Verdict.PASSED : Verdict.BELOW_TARGET;
        store.save(state.withTrial(trial).withGate(new GateResult(verdict, "accuracy", metric, 0.9,
                Direction.MAXIMIZE, "accuracy " + metric + (verdict == Verdict.PASSED ? " >= " : " < ")
                        + "target 0.90")));
        return this;
    }

    /** The tweak step in {@code mode} with at most {@code maxTrials} trials. */
    Tweaking.Result tweak(final String mode, final int maxTrials, final GitCredentials credentials) {
        MlopsConfig config = ConfigLoader.load(workspace, null,
                Overrides.builder().mode(mode).maxTrials(maxTrials).build(), OperatorPolicy.DEFAULT);
        return new Tweaking().tweak(new Tweaking.Order(workspace, config, null, credentials), log);
    }

    Path path() {
        return workspace;
    }

    RunLog log() {
        return log;
    }

    ChainState state() {
        return new ChainStateStore(workspace).load().orElseThrow();
    }

    String entry() throws IOException {
        return Files.readString(workspace.resolve("train.py"));
    }

    /** Everything the steps logged, one line per entry. */
    List<String> logLines() {
        return lines;
    }

    /** The full message of {@code commit} in {@code repository} (a bare remote or a checkout). */
    static String message(final Path repository, final String commit) throws IOException {
        try (Git git = Git.open(repository.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit parsed = walk.parseCommit(git.getRepository().resolve(commit));
            return parsed.getFullMessage();
        }
    }

    /** The commit HEAD of the checkout points at. */
    String head() throws IOException {
        try (Git git = Git.open(workspace.toFile())) {
            return git.getRepository().resolve("HEAD").getName();
        }
    }
}
