package io.jenkins.plugins.mlops.engine.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything the chain has learnt so far, kept in {@code .mlops/run.json} of the workspace. Every step reads it and
 * returns a new one with its part added, so running the steps one by one equals one {@code mlops run}, and a crashed
 * chain resumes from it. Immutable: the {@code with...} methods return copies. Users meet the chain as a "run" (the
 * {@code mlops run} command, {@code run.json}, its {@code runId} key, {@code MLOPS_RUN_ID}, the container label
 * {@code io.jenkins.plugins.mlops.run}); those names stay as they are, so that files and labels of earlier versions
 * are still read and swept, while the code calls it the chain and keeps "run" for the Jenkins build.
 *
 * @param schema       version of this file's layout
 * @param chainId      identifies the chain (container labels, orphan sweep); key {@code runId} in run.json
 * @param sourceCommit the model repository commit the chain started from
 * @param mode         whether the study runs in one build or one trial per commit
 * @param objective    the metric, target and direction the study aims at (key {@code study} before 2026-12,
 *                     still read)
 * @param detection    the detected model type, or {@code null} before detection
 * @param trials       every trial, in number order
 * @param gate         the latest gate verdict, or {@code null}
 * @param published    where the winning model went, or {@code null}
 * @param steps        the chain's steps as they ran, for the pipeline view
 * @param warnings     things that went wrong without failing the chain (e.g. a mail that could not be sent)
 */
public record ChainState(int schema, @JsonProperty("runId") String chainId, String sourceCommit, Mode mode,
        @JsonAlias("study") Objective objective,
        Detection detection, List<TrialRecord> trials, GateResult gate, PublishedModel published,
        List<StepRecord> steps, List<String> warnings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The layout written by this version. */
    public static final int SCHEMA = 1;

    public ChainState {
        mode = mode == null ? Mode.IN_BUILD : mode;
        objective = objective == null ? Objective.DEFAULT : objective;
        trials = trials == null ? List.of() : List.copyOf(trials);
        steps = steps == null ? List.of() : List.copyOf(steps);
        warnings = warnings == null ? List.of() : warnings.stream().map(Secrets::maskUrls).toList();
    }

    /** A fresh state for a new chain. */
    public static ChainState start(final String chainId) {
        return new ChainState(SCHEMA, chainId, null, Mode.IN_BUILD, Objective.DEFAULT, null, List.of(), null, null,
                List.of(),
                List.of());
    }

    public ChainState withSourceCommit(final String commit) {
        return new ChainState(schema, chainId, commit, mode, objective, detection, trials, gate, published, steps,
                warnings);
    }

    public ChainState withMode(final Mode newMode) {
        return new ChainState(schema, chainId, sourceCommit, newMode, objective, detection, trials, gate, published,
                steps, warnings);
    }

    public ChainState withObjective(final Objective newObjective) {
        return new ChainState(schema, chainId, sourceCommit, mode, newObjective, detection, trials, gate, published,
                steps,
                warnings);
    }

    /** This state with {@code step} added, or replacing the record of the same step. */
    public ChainState withStep(final StepRecord step) {
        List<StepRecord> all = new ArrayList<>(steps);
        all.removeIf(s -> s.step() == step.step());
        all.add(step);
        all.sort(Comparator.comparing(StepRecord::step));
        return new ChainState(schema, chainId, sourceCommit, mode, objective, detection, trials, gate, published, all,
                warnings);
    }

    /** The record of {@code step}, if it ran. */
    public Optional<StepRecord> step(final StepRecord.Step step) {
        return steps.stream().filter(s -> s.step() == step).findFirst();
    }

    public ChainState withDetection(final Detection newDetection) {
        return new ChainState(schema, chainId, sourceCommit, mode, objective, newDetection, trials, gate, published,
                steps, warnings);
    }

    public ChainState withGate(final GateResult newGate) {
        return new ChainState(schema, chainId, sourceCommit, mode, objective, detection, trials, newGate, published,
                steps, warnings);
    }

    public ChainState withPublished(final PublishedModel newPublished) {
        return new ChainState(schema, chainId, sourceCommit, mode, objective, detection, trials, gate, newPublished,
                steps, warnings);
    }

    /** This state with one more warning. */
    public ChainState withWarning(final String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return new ChainState(schema, chainId, sourceCommit, mode, objective, detection, trials, gate, published,
                steps, all);
    }

    /** This state with {@code trial} added, or replacing the trial with the same number. */
    public ChainState withTrial(final TrialRecord trial) {
        List<TrialRecord> all = new ArrayList<>(trials);
        all.removeIf(t -> t.number() == trial.number());
        all.add(trial);
        all.sort(Comparator.comparingInt(TrialRecord::number));
        return new ChainState(schema, chainId, sourceCommit, mode, objective, detection, all, gate, published, steps,
                warnings);
    }

    /** The trial with this number, if recorded. */
    public Optional<TrialRecord> trial(final int number) {
        return trials.stream().filter(t -> t.number() == number).findFirst();
    }

    /** The number the next trial gets. */
    public int nextTrialNumber() {
        return trials.stream().mapToInt(TrialRecord::number).max().orElse(0) + 1;
    }

    /** The complete trial with the best metric in the objective's direction (the earliest on a tie), if any. */
    public Optional<TrialRecord> best() {
        return best(objective.direction());
    }

    /** The complete trial with the best metric (the earliest on a tie), if any trial has one. */
    public Optional<TrialRecord> best(final Direction direction) {
        TrialRecord best = null;
        for (TrialRecord trial : trials) {
            if (trial.state() == TrialState.COMPLETE && trial.metric() != null
                    && (best == null || direction.isBetter(trial.metric(), best.metric()))) {
                best = trial;
            }
        }
        return Optional.ofNullable(best);
    }
}
