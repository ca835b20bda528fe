package io.jenkins.plugins.mlops.engine.model;

import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One trial as run.json keeps it: an immutable snapshot, replaced (never mutated) as the trial moves on.
 *
 * @param number         1-based trial number within the study
 * @param state          where the trial stands
 * @param params         the sampled parameters (empty for source-rewrite trials)
 * @param diff           the unified diff of the source edit ({@code null} for params trials and for trial 1)
 * @param change         one line saying what changed, for tables and mails (e.g. "add Conv2D block")
 * @param metric         the metric read by the gate, or {@code null}
 * @param durationMillis wall time of the training container
 * @param imageDigest    the image id/digest actually used
 * @param sourceCommit   the commit of the model repository the trial trained
 * @param startedAt      ISO-8601 instant the trial started
 * @param message        why a trial failed (last log lines, OOM, timeout), or {@code null}
 * @param lease          until when an asked trial may stay RUNNING, or {@code null} for trials of the in-build loop
 * @param modelLocation  where a told trial left its model files, or {@code null} (in-build: its work directory)
 * @param edit           what its source edit changed, as data, or {@code null} (params trials, the baseline, and
 *                       trials recorded before 2026-12)
 */
public record TrialRecord(int number, TrialState state, Map<String, Object> params, String diff, String change,
        Double metric, long durationMillis, String imageDigest, String sourceCommit, String startedAt,
        String message, TrialLease lease, ModelLocation modelLocation, EditRecord edit) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialRecord {
        Objects.requireNonNull(state, "state");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
        message = Secrets.maskUrls(message);
    }

    /** A new trial in state {@link TrialState#RUNNING}. */
    public static TrialRecord running(final int number, final Map<String, Object> params, final String diff,
            final String change, final String sourceCommit, final String startedAt) {
        return new TrialRecord(number, TrialState.RUNNING, params, diff, change, null, 0, null, sourceCommit,
                startedAt, null, null, null, null);
    }

    /** This trial, finished. */
    public TrialRecord finish(final TrialState newState, final Double newMetric, final long newDurationMillis,
            final String newImageDigest, final String newMessage) {
        return new TrialRecord(number, newState, params, diff, change, newMetric, newDurationMillis, newImageDigest,
                sourceCommit, startedAt, newMessage, lease, modelLocation, edit);
    }

    /** This trial with {@code newLease}. */
    public TrialRecord withLease(final TrialLease newLease) {
        return new TrialRecord(number, state, params, diff, change, metric, durationMillis, imageDigest, sourceCommit,
                startedAt, message, newLease, modelLocation, edit);
    }

    /** This trial with its model files at {@code location}. */
    public TrialRecord withModelLocation(final ModelLocation location) {
        return new TrialRecord(number, state, params, diff, change, metric, durationMillis, imageDigest, sourceCommit,
                startedAt, message, lease, location, edit);
    }

    /** This trial with the record of its source edit ({@code null}: none). */
    public TrialRecord withEdit(final EditRecord newEdit) {
        return new TrialRecord(number, state, params, diff, change, metric, durationMillis, imageDigest, sourceCommit,
                startedAt, message, lease, modelLocation, newEdit);
    }
}
