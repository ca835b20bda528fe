package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything a run has learnt so far, kept in {@code .mlops/run.json} of the workspace. Every step reads it and
 * returns a new one with its part added, so running the steps one by one equals one {@code mlops run}, and a crashed
 * run resumes from it. Immutable: the {@code with...} methods return copies.
 *
 * @param schema       version of this file's layout
 * @param runId        identifies the run (container labels, orphan sweep)
 * @param sourceCommit the model repository commit the run started from
 * @param mode         {@code in-build} or {@code via-git}
 * @param detection    the detected model type, or {@code null} before detection
 * @param trials       every trial, in number order
 * @param gate         the latest gate verdict, or {@code null}
 * @param published    where the winning model went, or {@code null}
 * @param warnings     things that went wrong without failing the run (e.g. a mail that could not be sent)
 */
public record RunState(int schema, String runId, String sourceCommit, String mode, Detection detection,
        List<TrialRecord> trials, GateResult gate, PublishedModel published, List<String> warnings)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The layout written by this version. */
    public static final int SCHEMA = 1;

    public RunState {
        trials = trials == null ? List.of() : List.copyOf(trials);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** A fresh state for a new run. */
    public static RunState start(final String runId) {
        return new RunState(SCHEMA, runId, null, "in-build", null, List.of(), null, null, List.of());
    }

    public RunState withSourceCommit(final String commit) {
        return new RunState(schema, runId, commit, mode, detection, trials, gate, published, warnings);
    }

    public RunState withMode(final String newMode) {
        return new RunState(schema, runId, sourceCommit, newMode, detection, trials, gate, published, warnings);
    }

    public RunState withDetection(final Detection newDetection) {
        return new RunState(schema, runId, sourceCommit, mode, newDetection, trials, gate, published, warnings);
    }

    public RunState withGate(final GateResult newGate) {
        return new RunState(schema, runId, sourceCommit, mode, detection, trials, newGate, published, warnings);
    }

    public RunState withPublished(final PublishedModel newPublished) {
        return new RunState(schema, runId, sourceCommit, mode, detection, trials, gate, newPublished, warnings);
    }

    /** This state with one more warning. */
    public RunState withWarning(final String warning) {
        List<String> all = new ArrayList<>(warnings);
        all.add(warning);
        return new RunState(schema, runId, sourceCommit, mode, detection, trials, gate, published, all);
    }

    /** This state with {@code trial} added, or replacing the trial with the same number. */
    public RunState withTrial(final TrialRecord trial) {
        List<TrialRecord> all = new ArrayList<>(trials);
        all.removeIf(t -> t.number() == trial.number());
        all.add(trial);
        all.sort(Comparator.comparingInt(TrialRecord::number));
        return new RunState(schema, runId, sourceCommit, mode, detection, all, gate, published, warnings);
    }

    /** The trial with this number, if recorded. */
    public Optional<TrialRecord> trial(final int number) {
        return trials.stream().filter(t -> t.number() == number).findFirst();
    }

    /** The number the next trial gets. */
    public int nextTrialNumber() {
        return trials.stream().mapToInt(TrialRecord::number).max().orElse(0) + 1;
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
