package io.jenkins.plugins.mlops.engine.source;

/**
 * The answer of one poll.
 *
 * @param head    the commit the branch points at on the remote
 * @param changed whether it differs from the commit the poll was asked about (always {@code true} without one)
 */
public record PollResult(String head, boolean changed) {
}
