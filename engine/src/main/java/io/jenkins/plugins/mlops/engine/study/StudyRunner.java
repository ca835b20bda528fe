package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;

/**
 * The in-build study: train → check → [tweak → train → check]* until the target is met, or max trials, or max failed
 * trials, or the time budget, or the plateau rule, or no safe tweak is left. Every transition is saved to run.json
 * before the next begins, so a chain killed or cancelled mid-trial resumes from the record: the interrupted trial is
 * trained again under its own number, never counted twice. The best trial wins even when a later one is worse.
 */
final class StudyRunner {
    private final ChainStateStore store;
    private final TrialWorkspaces workspaces;
    private final MlopsConfig config;
    private final String entry;
    private final TrialTrainer trainer;
    private final TrialJudge judge;
    private final Tweaker tweaker;
    private final StopRules stopRules;
    private final Clock clock;
    private final TrialBatch batch;
    private ChainState state;

    StudyRunner(final Path workspace, final MlopsConfig config, final String entry, final TrialTrainer trainer,
            final TrialJudge judge, final Tweaker tweaker, final Predicate<List<TrialRecord>> plateau,
            final Clock clock) {
        this.store = new ChainStateStore(workspace);
        this.workspaces = new TrialWorkspaces(workspace);
        this.config = config;
        this.entry = entry;
        this.trainer = trainer;
        this.judge = judge;
        this.tweaker = tweaker;
        this.stopRules = new StopRules(config, plateau);
        this.clock = clock;
        this.batch = new TrialBatch(trainer, judge);
    }

    /** Runs (or resumes) the study recorded in the workspace's run.json. */
    StudyOutcome run(final RunLog log) {
        Instant started = clock.instant();
        state = store.loadOrStart().withObjective(config.objective());
        resumeInterrupted(log);
        String stop;
        while ((stop = stopReason(started)) == null) {
            List<TrialPlan> plans = plan(log);
            if (plans.isEmpty()) {
                stop = "no safe tweak applies to " + entry + " any more";
                break;
            }
            train(plans, log);
        }
        log.info("Study stopped: %s", stop);
        return outcome(stop);
    }

    /**
     * Trains trials left RUNNING by a chain that was killed, or CANCELLED by an abort (Ctrl-C), under their own numbers
     * and with their own code: a cancelled baseline is trained again as the baseline, not skipped for a tweak.
     */
    private void resumeInterrupted(final RunLog log) {
        List<TrialPlan> interrupted = new ArrayList<>();
        for (TrialRecord trial : state.trials()) {
            if (trial.state() == TrialState.RUNNING || trial.state() == TrialState.CANCELLED) {
                log.info("Resuming trial %d, %s before it finished", trial.number(),
                        trial.state() == TrialState.RUNNING ? "interrupted" : "cancelled");
                Path workDir = workspaces.workDir(trial.number());
                if (trial.number() == 1 && !Files.isDirectory(workDir)) {
                    workDir = workspaces.prepare(1, entry, null);
                }
                interrupted.add(new TrialPlan(trial.number(), workDir, entry, trial.params(), trial.diff(),
                        trial.change(), trial.edit()));
            }
        }
        if (!interrupted.isEmpty()) {
            train(interrupted, log);
        }
    }

    private String stopReason(final Instant started) {
        return stopRules.reason(state, started, clock.instant());
    }

    /** The next trials: the baseline first, then tweaks (several at once where trials are independent). */
    private List<TrialPlan> plan(final RunLog log) {
        int first = state.nextTrialNumber();
        if (first == 1) {
            Path workDir = workspaces.prepare(1, entry, null);
            return List.of(new TrialPlan(1, workDir, entry, tweaker.firstParams(), null, "baseline", null));
        }
        int room = (int) Math.min(config.study().budget().maxTrials() - state.trials().size(),
                tweaker.parallelizable() ? config.study().parallel() : 1);
        List<TrialRecord> history = new ArrayList<>(state.trials());
        List<TrialPlan> plans = new ArrayList<>();
        Path bestDir = state.best().map(b -> workspaces.workDir(b.number())).orElse(workspaces.workDir(1));
        for (int number = first; number < first + room; number++) {
            Instant started = clock.instant();
            Path workDir = workspaces.prepare(number, entry, bestDir);
            Optional<Tweaker.Tweak> tweak = tweaker.next(workDir, entry, history, log);
            if (tweak.isEmpty()) {
                break;
            }
            Tweaker.Tweak t = tweak.get();
            log.info("Trial %d: %s", number, t.change());
            plans.add(new TrialPlan(number, workDir, entry, t.params(), t.diff(), t.change(), t.edit()));
            history.add(TrialRecord.running(number, t.params(), t.diff(), t.change(), null, started.toString())
                    .withEdit(t.edit()));
            state = Steps.record(state, Step.TWEAK, StepState.SUCCESS, started,
                    clock.millis() - started.toEpochMilli(), t.change());
        }
        return plans;
    }

    private void train(final List<TrialPlan> plans, final RunLog log) {
        for (TrialPlan plan : plans) {
            state = state.withTrial(TrialRecord.running(plan.number(), plan.params(), plan.diff(), plan.change(),
                    state.sourceCommit(), clock.instant().toString()).withEdit(plan.edit()));
        }
        store.save(state);
        Instant started = clock.instant();
        List<TrialBatch.Result> results = batch.run(plans, log);
        boolean cancelled = false;
        for (TrialBatch.Result result : results) {
            state = StudyRecords.record(state, result, started);
            cancelled |= result.outcome().state() == TrialState.CANCELLED;
        }
        store.save(state);
        if (cancelled) {
            throw new CancellationException("The run was cancelled; the interrupted trial is recorded as CANCELLED in "
                    + store.file() + ".");
        }
    }

    private StudyOutcome outcome(final String stop) {
        return StudyRecords.outcome(state, config, stop, workspaces);
    }
}
