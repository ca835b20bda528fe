package io.jenkins.plugins.mlops.engine.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One asked trial, by value: everything a worker needs to train it on any machine with a fresh checkout of the model
 * repository, and nothing more (no workspace, no secrets).
 *
 * @param chainId   the study's chain id (container labels); key {@code runId} in JSON and trial maps
 * @param number    the trial number the result must be told under
 * @param entry     the training script, relative to the checkout
 * @param image     the trainer image, or {@code null} for the worker's configuration
 * @param params    the sampled parameters (empty for source-rewrite trials)
 * @param source    the whole edited entry of a source-rewrite trial, or {@code null} to train the entry as checked out
 * @param diff      the unified diff of that edit, or {@code null}
 * @param change    one line saying what changed
 * @param lease     until when the study waits for the result
 */
public record TrialSpec(@JsonProperty("runId") String chainId, int number, String entry, String image,
        Map<String, Object> params, String source, String diff, String change, TrialLease lease) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialSpec {
        Objects.requireNonNull(entry, "entry");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }
}
