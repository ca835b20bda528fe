package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a source edit changed, as data: later tweaks decide from it (which kinds were tried, what value a raised number
 * started from) instead of reading the change line meant for people.
 *
 * @param kind what kind of edit it was
 * @param from the value before, e.g. {@code 10} of {@code epochs 10 -> 20}, or {@code null} when the edit adds code
 * @param to   the value after, or {@code null} when the edit adds code
 */
public record EditRecord(EditKind kind, String from, String to) implements Serializable {
    private static final long serialVersionUID = 1L;

    public EditRecord {
        Objects.requireNonNull(kind, "kind");
    }

    /** An edit that adds code (a layer, a block) rather than changing a value. */
    public static EditRecord addition(final EditKind kind) {
        return new EditRecord(kind, null, null);
    }
}
