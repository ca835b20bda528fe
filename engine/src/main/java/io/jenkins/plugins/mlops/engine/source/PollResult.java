package io.jenkins.plugins.mlops.engine.source;

import java.io.Serializable;

/**
 * The answer of one poll.
 *
 * @param head    the commit the branch points at on the remote
 * @param changed whether it differs from the commit the poll was asked about (always {@code true} without one)
 */
public record PollResult(String head, boolean changed) implements Serializable {
    private static final long serialVersionUID = 1L;

}
