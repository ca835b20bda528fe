package io.jenkins.plugins.mlops.engine.model;

import java.util.List;
import java.util.Map;

/** Realistic chain states for tests. */
public final class ChainStateFixtures {
    private ChainStateFixtures() {
    }

    /** A state with every part filled: detection, two trials (params, and a diff with its edit record), gate, steps, publish, warning. */
    public static ChainState fullState() {
        Detection detection = new Detection("train.py", new ModelType(Framework.SKLEARN, Architecture.ANN),
                "mlops/sklearn:0.1", 0.95, false,
                List.of(new Detection.Evidence("train.py", 12, "sklearn.neural_network.MLPClassifier")));
        TrialRecord first = TrialRecord.running(1, Map.of("hidden_units", 2, "solver", "adam"), null, "baseline",
                "0123456789abcdef", "2026-11-26T10:00:00Z").finish(TrialState.COMPLETE, 0.62, 4200, "sha256:aa", null);
        TrialRecord second = TrialRecord.running(2, Map.of(), "--- a/train.py\n+++ b/train.py\n@@ -1 +1 @@\n-a\n+b\n",
                "[widen] hidden_layer_sizes (2,) -> (16,)", "0123456789abcdef", "2026-11-26T10:01:00Z")
                .withEdit(new EditRecord(EditKind.WIDEN, "(2,)", "(16,)"))
                .finish(TrialState.COMPLETE, 0.93, 5100, "sha256:aa", null);
        return ChainState.start("run-1").withSourceCommit("0123456789abcdef").withDetection(detection)
                .withObjective(new Objective("accuracy", 0.9, Direction.MAXIMIZE))
                .withTrial(first).withTrial(second)
                .withGate(new GateResult(Verdict.PASSED, "accuracy", 0.93, 0.9, Direction.MAXIMIZE, "0.93 >= 0.90"))
                .withStep(new StepRecord(StepRecord.Step.FETCH, StepRecord.StepState.SUCCESS, "2026-11-26T09:59:58Z",
                        800, 1, "0123456"))
                .withStep(new StepRecord(StepRecord.Step.TRAIN, StepRecord.StepState.SUCCESS, "2026-11-26T10:00:00Z",
                        9300, 2, "2 trials"))
                .withPublished(new PublishedModel("file:///tmp/remote.git", "mlops/models", "fedcba98", "model-2-0.93"))
                .withWarning("mail: SMTP server 127.0.0.1:2525 refused the connection");
    }
}
