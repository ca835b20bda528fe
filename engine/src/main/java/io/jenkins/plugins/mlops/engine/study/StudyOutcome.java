package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.io.Serializable;

/**
 * How a study ended.
 *
 * @param verdict    {@link Verdict#PASSED}, {@link Verdict#BELOW_TARGET} or {@link Verdict#FAILED} (no trial
 *                   produced a metric)
 * @param reason     one line: why the study stopped
 * @param best       the best trial, or {@code null}
 * @param state      the final chain state
 * @param bestWorkDir the best trial's work directory (code, weights), or {@code null}
 */
public record StudyOutcome(Verdict verdict, String reason, TrialRecord best, ChainState state, String bestWorkDir)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Whether the target was met. */
    public boolean passed() {
        return verdict == Verdict.PASSED;
    }

    /** A study's verdict: whether its best trial ({@code null}: none has a metric) meets {@code objective}. */
    static Verdict verdict(final Objective objective, final TrialRecord best) {
        return best == null ? Verdict.FAILED : objective.isMet(best.metric()) ? Verdict.PASSED : Verdict.BELOW_TARGET;
    }
}
