package io.jenkins.plugins.mlops.engine.testing;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.util.List;
import java.util.Map;

/** Run states as a real study leaves them, for report and front-end tests. */
public final class ChainStates {
    private static final String COMMIT = "3f9c2a1b7d4e5f60718293a4b5c6d7e8f9012345";
    private static final String IMAGE = "sha256:4b1d7e2f9a0c3d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6";

    private ChainStates() {
    }

    /**
     * A finished sklearn study of five trials: a weak baseline, two params tweaks, one out-of-memory failure and a
     * winner at 0.93 ≥ 0.90, notified and published. Trial 3's change and message hold HTML to check escaping.
     */
    public static ChainState passedStudy() {
        Detection detection = new Detection("train.py", new ModelType(Framework.SKLEARN, Architecture.ANN),
                "mlops/sklearn:0.1", 0.95, false,
                List.of(new Detection.Evidence("train.py", 14, "sklearn.neural_network.MLPClassifier")));
        ChainState state = ChainState.start("2d6f1c0e-run").withSourceCommit(COMMIT).withDetection(detection)
                .withObjective(new Objective("accuracy", 0.90, Direction.MAXIMIZE))
                .withTrial(trial(1, Map.of(), "baseline", TrialState.COMPLETE, 0.62, 8_400, null))
                .withTrial(trial(2, Map.of("hidden_units", 32, "max_iter", 200), "hidden_units 16 -> 32",
                        TrialState.COMPLETE, 0.81, 9_100, null))
                .withTrial(trial(3, Map.of("hidden_units", 4096, "max_iter", 400), "<script>alert('x')</script>",
                        TrialState.FAILED, null, 31_000, "OOMKilled: memory limit 128 MiB <exceeded> & killed"))
                .withTrial(trial(4, Map.of("hidden_units", 64, "max_iter", 300), "hidden_units 32 -> 64",
                        TrialState.COMPLETE, 0.88, 10_200, null))
                .withTrial(TrialRecord.running(5, Map.of(), "--- a/train.py\n+++ b/train.py\n"
                        + "@@ -12 +12 @@\n-model = MLPClassifier(hidden_layer_sizes=(64,))\n"
                        + "+model = MLPClassifier(hidden_layer_sizes=(64, 32), early_stopping=True)\n",
                        "add a second hidden layer", COMMIT, "2026-11-26T10:04:00Z")
                        .finish(TrialState.COMPLETE, 0.93, 12_600, IMAGE, null))
                .withGate(new GateResult(Verdict.PASSED, "accuracy", 0.93, 0.90, Direction.MAXIMIZE,
                        "accuracy 0.93 >= target 0.90 (accuracy.txt)"))
                .withPublished(new PublishedModel("https://****@git.example.com/team/digits.git", "mlops/models",
                        "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "model-5-0.93"))
                .withWarning("mail: SMTP server 127.0.0.1:2525 refused the connection; the mail is in .mlops/outbox");
        return state
                .withStep(step(Step.FETCH, StepState.SUCCESS, 1_300, 1, "3f9c2a1 on main"))
                .withStep(step(Step.DETECT, StepState.SUCCESS, 400, 1, "sklearn/ann (0.95)"))
                .withStep(step(Step.TRAIN, StepState.SUCCESS, 71_300, 5, "5 trials, 1 failed"))
                .withStep(step(Step.CHECK, StepState.SUCCESS, 90, 5, "0.93 meets 0.90"))
                .withStep(step(Step.TWEAK, StepState.SUCCESS, 2_100, 4, "3 params, 1 source edit"))
                .withStep(step(Step.NOTIFY, StepState.UNSTABLE, 1_000, 1, "outbox (SMTP refused)"))
                .withStep(step(Step.PUBLISH, StepState.SUCCESS, 2_400, 1, "model-5-0.93"));
    }

    /** A study that stopped below the target after two trials, never notified nor published. */
    public static ChainState belowTargetStudy() {
        return ChainState.start("run-below").withSourceCommit(COMMIT)
                .withTrial(trial(1, Map.of(), "baseline", TrialState.COMPLETE, 0.71, 5_000, null))
                .withTrial(trial(2, Map.of("max_iter", 50), "max_iter 200 -> 50", TrialState.TIMED_OUT, null, 7_200_000,
                        "timed out after 2 h"))
                .withGate(new GateResult(Verdict.BELOW_TARGET, "accuracy", 0.71, 0.90, Direction.MAXIMIZE,
                        "accuracy 0.71 < target 0.90 (metrics.json)"))
                .withStep(step(Step.FETCH, StepState.SUCCESS, 900, 1, "3f9c2a1"))
                .withStep(step(Step.DETECT, StepState.SUCCESS, 300, 1, "sklearn/ann"))
                .withStep(step(Step.TRAIN, StepState.FAILED, 7_205_000, 2, "1 timed out"))
                .withStep(step(Step.CHECK, StepState.UNSTABLE, 40, 1, "0.71 misses 0.90"));
    }

    private static TrialRecord trial(final int number, final Map<String, Object> params, final String change,
            final TrialState state, final Double metric, final long millis, final String message) {
        return TrialRecord.running(number, params, null, change, COMMIT, "2026-11-26T10:0" + number + ":00Z")
                .finish(state, metric, millis, IMAGE, message);
    }

    private static StepRecord step(final Step step, final StepState state, final long millis, final int runs,
            final String summary) {
        return new StepRecord(step, state, "2026-11-26T10:00:00Z", millis, runs, summary);
    }
}
