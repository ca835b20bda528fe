package io.jenkins.plugins.mlops;

import io.jenkins.plugins.mlops.engine.model.RunState;
import java.io.Serializable;

/**
 * What comes back from the agent: the run state after the step, or the engine's message when it failed. The
 * message already names the problem and the fix and holds no credentials, so it goes to the build log as it is.
 *
 * @param state   the run state after the step, or {@code null} when the step failed
 * @param failure the engine's message, or {@code null} when the step succeeded
 */
public record StepOutcome(RunState state, String failure) implements Serializable {
    private static final long serialVersionUID = 1L;

    static StepOutcome done(final RunState state) {
        return new StepOutcome(state, null);
    }

    static StepOutcome failed(final String message) {
        return new StepOutcome(null, message);
    }

    /** Whether the step failed. */
    public boolean isFailed() {
        return failure != null;
    }
}
