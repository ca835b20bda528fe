package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.io.Serializable;
import java.util.List;

/**
 * Stops a study whose best metric has not improved by more than {@code minDelta} over the last {@code patience}
 * finished trials (the study-level cousin of Keras' EarlyStopping). Only an improvement beyond {@code minDelta} moves
 * the best, so a slow creep of tiny gains still counts as a plateau. Failed trials count as trials without gain.
 *
 * @param patience how many finished trials without improvement are allowed
 * @param minDelta the least change that counts as an improvement (0: any strict improvement)
 */
public record PlateauRule(int patience, double minDelta) implements Serializable {
    private static final long serialVersionUID = 1L;

    public PlateauRule {
        if (patience < 1 || minDelta < 0 || Double.isNaN(minDelta)) {
            throw new IllegalArgumentException("A plateau rule needs patience >= 1 and min_delta >= 0, got "
                    + patience + " and " + minDelta);
        }
    }

    /**
     * Whether the study should start no further trial. Trials report one metric at their end, so there is nothing
     * to prune within a trial: the plateau rule ends the study instead (its reason says so), and no trial is pruned.
     *
     * @param history   every trial of the study so far, in number order
     * @param direction whether a bigger metric is better
     */
    public boolean shouldStop(final List<TrialRecord> history, final Direction direction) {
        return trialsWithoutImprovement(history, direction) >= patience;
    }

    /** How many finished trials came after the last one that improved the best by more than {@code minDelta}. */
    public int trialsWithoutImprovement(final List<TrialRecord> history, final Direction direction) {
        Double best = null;
        int since = 0;
        for (TrialRecord trial : history) {
            if (!trial.state().isFinished()) {
                continue;
            }
            Double metric = trial.state() == TrialState.COMPLETE ? trial.metric() : null;
            if (metric != null && !metric.isNaN() && (best == null || improves(metric, best, direction))) {
                best = metric;
                since = 0;
            }
            else {
                since++;
            }
        }
        return since;
    }

    private boolean improves(final double candidate, final double best, final Direction direction) {
        double gain = direction == Direction.MAXIMIZE ? candidate - best : best - candidate;
        return gain > minDelta;
    }
}
