package io.jenkins.plugins.mlops.engine.gate;

/** A metric value that was found but cannot be understood; the message says why, without the source. */
final class InvalidMetricException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidMetricException(final String message) {
        super(message);
    }
}
