package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.ModelLocation;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.io.Serializable;

/**
 * Where an ask-and-tell study stands after a tell: whether it is done and why, its verdict so far and its best trial.
 *
 * @param done     whether the study has stopped (no further trials are asked)
 * @param verdict  {@link Verdict#PASSED}, {@link Verdict#BELOW_TARGET} or {@link Verdict#FAILED} (no trial with a
 *                 metric yet)
 * @param reason   why the study stopped, or how many trials run and finished
 * @param best     the best told trial, or {@code null}
 * @param running  trials asked and not told yet
 * @param finished trials told (or failed by lease expiry)
 */
public record StudyStatus(boolean done, Verdict verdict, String reason, TrialRecord best, int running, int finished)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The status of {@code state}; {@code stop} is why it stopped, or {@code null} while it goes on. */
    static StudyStatus of(final ChainState state, final MlopsConfig config, final String stop) {
        TrialRecord best = state.best().orElse(null);
        Verdict verdict = StudyOutcome.verdict(config.objective(), best);
        int running = (int) state.trials().stream().filter(t -> t.state() == TrialState.RUNNING).count();
        int finished = state.trials().size() - running;
        String reason = stop != null ? stop : running + " trial(s) running, " + finished + " finished";
        return new StudyStatus(stop != null, verdict, reason, best, running, finished);
    }

    /** Where the best trial's model files are, or {@code null}. */
    public ModelLocation bestModelLocation() {
        return best == null ? null : best.modelLocation();
    }

    /** Whether the study met its target. */
    public boolean passed() {
        return verdict == Verdict.PASSED;
    }
}
