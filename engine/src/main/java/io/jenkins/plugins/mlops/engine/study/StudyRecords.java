package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelLocation;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** How both study modes record a trained trial and sum up a study. */
final class StudyRecords {
    private StudyRecords() {
    }

    /** {@code state} with the trial of {@code result} finished, and the train/check steps counted. */
    static ChainState record(final ChainState state, final TrialBatch.Result result, final Instant started) {
        return record(state, report(result, null), started);
    }

    /**
     * What a trained and judged trial tells its study: a script that exits 0 without a usable metric failed as a
     * trial, since nothing can be judged.
     */
    static TrialReport report(final TrialBatch.Result result, final ModelLocation location) {
        TrialTrainer.Outcome outcome = result.outcome();
        GateResult gate = result.gate();
        Double metric = gate == null || gate.verdict() == Verdict.NO_METRIC || gate.verdict() == Verdict.INVALID
                ? null : gate.value();
        TrialState trialState = outcome.state() == TrialState.COMPLETE && metric == null ? TrialState.FAILED
                : outcome.state();
        String message = outcome.message() != null ? outcome.message()
                : metric == null && gate != null ? gate.reason() : null;
        return new TrialReport(result.plan().number(), trialState, metric, outcome.durationMillis(),
                outcome.imageDigest(), message, gate, location);
    }

    /** {@code state} with the trial of {@code report} finished, and the train/check steps counted. */
    static ChainState record(final ChainState state, final TrialReport report, final Instant started) {
        GateResult gate = report.gate();
        TrialRecord trial = state.trial(report.number()).orElseThrow()
                .finish(report.state(), report.metric(), report.durationMillis(), report.imageDigest(),
                        report.message());
        if (report.modelLocation() != null) {
            trial = trial.withModelLocation(report.modelLocation());
        }
        // The gate is there exactly when training completed (exit 0), whatever the metric.
        ChainState next = Steps.record(state.withTrial(trial), Step.TRAIN,
                gate != null ? StepState.SUCCESS : StepState.FAILED, started, report.durationMillis(),
                "trial " + report.number() + ": "
                        + (gate != null ? "complete" : report.state().name().toLowerCase(Locale.ROOT)));
        if (gate == null) {
            return next;
        }
        return Steps.record(next.withGate(gate), Step.CHECK,
                gate.verdict() == Verdict.PASSED ? StepState.SUCCESS : StepState.UNSTABLE, started, 0, gate.reason());
    }

    /** The outcome of a study that stopped for {@code reason}. */
    static StudyOutcome outcome(final ChainState state, final MlopsConfig config, final String reason,
            final TrialWorkspaces workspaces) {
        Optional<TrialRecord> best = state.best();
        return new StudyOutcome(StudyOutcome.verdict(config.objective(), best.orElse(null)), reason, best.orElse(null), state,
                best.map(b -> workspaces.workDir(b.number()).toString()).orElse(null));
    }
}
