package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import java.io.Serializable;

/**
 * How a study ended.
 *
 * @param verdict    {@code PASSED}, {@code BELOW_TARGET} or {@code FAILED} (no trial produced a metric)
 * @param reason     one line: why the study stopped
 * @param best       the best trial, or {@code null}
 * @param state      the final chain state
 * @param bestWorkDir the best trial's work directory (code, weights), or {@code null}
 */
public record StudyOutcome(String verdict, String reason, TrialRecord best, ChainState state, String bestWorkDir)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The study met its target. */
    public static final String PASSED = "PASSED";
    /** Trials completed but none met the target. */
    public static final String BELOW_TARGET = "BELOW_TARGET";
    /** No trial produced a metric. */
    public static final String FAILED = "FAILED";

    /** Whether the target was met. */
    public boolean passed() {
        return PASSED.equals(verdict);
    }
}
