package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * How long an asked trial may stay RUNNING without a result: a worker that dies (its agent, its Docker daemon) never
 * tells, so after {@code expiresAt} the study marks the trial FAILED and goes on.
 *
 * @param worker    who asked for the trial (an agent name, a host), or {@code null} when nobody said
 * @param expiresAt ISO-8601 instant after which the trial counts as failed
 */
public record TrialLease(String worker, String expiresAt) implements Serializable {
    private static final long serialVersionUID = 1L;

    public TrialLease {
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Whether the lease has run out at {@code now}. */
    public boolean isExpired(final Instant now) {
        return !now.isBefore(Instant.parse(expiresAt));
    }
}
