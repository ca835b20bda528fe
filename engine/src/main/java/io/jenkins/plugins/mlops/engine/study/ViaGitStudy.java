package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The seed's loop, bounded: one trial per build. The commit being built is trained; when it falls short, the tweak is
 * committed with trailers and pushed, and the build ends; the next poll trains the tweak. The trailers in the history
 * count the trials, so the loop ends at max trials, and a commit that was already trained is not trained again.
 */
final class ViaGitStudy {
    private final Path workspace;
    private final ChainStateStore store;
    private final MlopsConfig config;
    private final String entry;
    private final TrialBatch batch;
    private final ViaGitTweak tweak;
    private final Clock clock;

    ViaGitStudy(final Path workspace, final MlopsConfig config, final String entry, final TrialTrainer trainer,
            final TrialJudge judge, final Tweaker tweaker, final TweakPusher pusher, final Clock clock) {
        this.workspace = workspace;
        this.store = new ChainStateStore(workspace);
        this.config = config;
        this.entry = entry;
        this.batch = new TrialBatch(trainer, judge);
        this.tweak = new ViaGitTweak(tweaker, pusher);
        this.clock = clock;
    }

    /** Trains the commit {@code head} unless it was trained already, and pushes a tweak when it falls short. */
    StudyOutcome run(final String head, final List<TrialTrailers.RecordedTrial> recorded, final RunLog log) {
        ChainState state = ViaGitTweak.withHistory(store.loadOrStart().withObjective(config.objective())
                .withMode(Mode.VIA_GIT).withSourceCommit(head), recorded);
        Optional<TrialRecord> done = state.trials().stream()
                .filter(t -> head.equals(t.sourceCommit()) && t.state().isFinished()).findFirst();
        if (done.isPresent()) {
            store.save(state);
            return outcome(state, "commit " + ViaGitTweak.abbreviate(head) + " was already trained as trial "
                    + done.get().number() + "; nothing new");
        }
        int number = ViaGitTweak.current(recorded);
        if (number > config.study().budget().maxTrials()) {
            store.save(state);
            return outcome(state, "reached max trials (" + config.study().budget().maxTrials() + ") recorded in the git history");
        }
        Path workDir = new TrialWorkspaces(workspace).prepare(number, entry, null);
        TrialPlan plan = new TrialPlan(number, workDir, entry, Map.of(), null, ViaGitTweak.changeOf(recorded, number),
                ViaGitTweak.editOf(recorded, number));
        state = state.withTrial(TrialRecord.running(number, plan.params(), null, plan.change(), head,
                clock.instant().toString()).withEdit(plan.edit()));
        store.save(state);
        Instant started = clock.instant();
        TrialBatch.Result result = batch.run(List.of(plan), log).get(0);
        state = StudyRecords.record(state, result, started);
        store.save(state);
        TrialRecord trial = state.trial(number).orElseThrow();
        if (trial.metric() != null && config.objective().isMet(trial.metric())) {
            return outcome(state, "trial " + number + " met the target");
        }
        if (number >= config.study().budget().maxTrials()) {
            return outcome(state, "reached max trials (" + config.study().budget().maxTrials() + ")");
        }
        return pushTweak(state, trial, log);
    }

    private StudyOutcome pushTweak(final ChainState before, final TrialRecord trial, final RunLog log) {
        Instant started = clock.instant();
        Optional<ViaGitTweak.Pushed> pushed = tweak.push(workspace, entry, before.trials(), trial.number(),
                trial.metric(), config.objective().target(), log);
        if (pushed.isEmpty()) {
            return outcome(before, "no safe tweak applies to " + entry + " any more");
        }
        String commit = ViaGitTweak.abbreviate(pushed.get().commit());
        ChainState state = Steps.record(before, Step.TWEAK, StepState.SUCCESS, started,
                clock.millis() - started.toEpochMilli(), pushed.get().tweak().change() + " (pushed " + commit + ")");
        store.save(state);
        return outcome(state, "tweak for trial " + (trial.number() + 1) + " pushed as " + commit);
    }

    /** {@code state} with the trials the trailers record and run.json does not (a fresh workspace knows none). */

    private StudyOutcome outcome(final ChainState state, final String reason) {
        return StudyRecords.outcome(state, config, reason, new TrialWorkspaces(workspace));
    }
}
