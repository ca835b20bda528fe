package io.jenkins.plugins.mlops.engine.model;

/** The gate's answer for a metric against the target. */
public enum Verdict {
    /** The metric met the target. */
    PASSED,
    /** A valid metric that did not meet the target. */
    BELOW_TARGET,
    /** No metric was found in any of the documented places. */
    NO_METRIC,
    /** A metric was found but could not be understood (empty, NaN, out of range, ambiguous). */
    INVALID,
    /** Training itself failed, so there is nothing to judge. */
    FAILED
}
