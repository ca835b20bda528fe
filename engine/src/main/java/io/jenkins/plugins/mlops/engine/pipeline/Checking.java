package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.gate.MetricGate;
import io.jenkins.plugins.mlops.engine.gate.GateSpec;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.study.MetricLinesFile;
import io.jenkins.plugins.mlops.engine.study.TrialWorkspaces;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * The check step on its own ({@code mlops check}, {@code mlopsCheckAccuracy}): judges the latest trial's metric and
 * records the verdict, the trial's metric and the step in run.json.
 */
public final class Checking {
    private final Clock clock;

    /** A check step on the system clock. */
    public Checking() {
        this(Clock.systemUTC());
    }

    Checking(final Clock clock) {
        this.clock = clock;
    }

    /** The verdict for the latest trial of {@code workspace} (or its files when nothing was recorded). */
    public GateResult check(final Path workspace, final MlopsConfig config, final RunLog log) {
        GateSpec spec = new GateSpec(config.objective(), config.metricFile());
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState state = store.loadOrStart();
        TrialRecord latest = state.trials().isEmpty() ? null : state.trials().get(state.trials().size() - 1);
        Instant started = clock.instant();
        boolean trained = latest == null || latest.state() == TrialState.COMPLETE
                || latest.state() == TrialState.RUNNING;
        GateResult result = trained
                ? new MetricGate().check(metricDirectory(workspace, latest), MetricLinesFile.load(workspace), spec,
                        log)
                : MetricGate.trainingFailed(latest, spec);
        ChainState checked = state.withObjective(config.objective()).withGate(result);
        if (latest != null && trained) {
            checked = checked.withTrial(withMetric(latest, result.value()));
        }
        store.save(Steps.record(checked, Step.CHECK, stepState(result.verdict()), started,
                clock.millis() - started.toEpochMilli(), summary(result)));
        return result;
    }

    /** Trials of `mlops run` have their own work directory; `mlops train` trains in the workspace itself. */
    private static Path metricDirectory(final Path workspace, final TrialRecord latest) {
        if (latest != null) {
            Path workDir = new TrialWorkspaces(workspace).workDir(latest.number());
            if (Files.isDirectory(workDir)) {
                return workDir;
            }
        }
        return workspace;
    }

    private static TrialRecord withMetric(final TrialRecord trial, final Double metric) {
        return trial.finish(trial.state(), metric, trial.durationMillis(), trial.imageDigest(), trial.message());
    }

    private static StepState stepState(final Verdict verdict) {
        return switch (verdict) {
            case PASSED -> StepState.SUCCESS;
            case BELOW_TARGET -> StepState.UNSTABLE;
            default -> StepState.FAILED;
        };
    }

    private static String summary(final GateResult result) {
        return result.value() == null ? result.verdict().name()
                : MetricFormat.format(result.value())
                        + (result.verdict() == Verdict.PASSED ? " meets " : " misses ")
                        + MetricFormat.format(result.target());
    }
}
