package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import java.io.Serializable;
import java.util.LinkedHashMap;

/**
 * What comes back from the agent: the chain state after the step and what the step alone knows (e.g. whether a tweak
 * was made), or the engine's message when it failed. The message already names the problem and the fix and holds no
 * credentials, so it goes to the build log as it is.
 *
 * @param state   the chain state after the step, or {@code null} when the step failed
 * @param values  what the step reports beyond the chain state, as plain strings, numbers and maps; empty for most steps
 * @param failure the engine's message, or {@code null} when the step succeeded
 * @param outbox  mails the step rendered for the controller to send, by file name in the workspace's outbox
 */
public record StepOutcome(ChainState state, LinkedHashMap<String, Object> values, String failure,
        LinkedHashMap<String, byte[]> outbox) implements Serializable {
    private static final long serialVersionUID = 1L;

    static StepOutcome done(final ChainState state) {
        return done(state, new LinkedHashMap<>());
    }

    static StepOutcome done(final ChainState state, final LinkedHashMap<String, Object> values) {
        return new StepOutcome(state, values, null, new LinkedHashMap<>());
    }

    static StepOutcome failed(final String message) {
        return new StepOutcome(null, new LinkedHashMap<>(), message, new LinkedHashMap<>());
    }

    /** This outcome with the rendered mails the controller is to send. */
    StepOutcome withOutbox(final LinkedHashMap<String, byte[]> mails) {
        return new StepOutcome(state, values, failure, mails);
    }

    /** Whether the step failed. */
    public boolean isFailed() {
        return failure != null;
    }
}
