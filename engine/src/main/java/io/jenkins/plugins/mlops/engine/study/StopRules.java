package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a study stops: the target met, max trials, max failed trials, the time budget, or the plateau rule. The in-build
 * loop and the ask-and-tell study stop by the same rules.
 */
final class StopRules {
    private final MlopsConfig config;
    private final Predicate<List<TrialRecord>> plateau;

    StopRules(final MlopsConfig config, final Predicate<List<TrialRecord>> plateau) {
        this.config = config;
        this.plateau = plateau;
    }

    /** The plateau rule of {@code config} (never, when patience is 0). */
    static Predicate<List<TrialRecord>> plateau(final MlopsConfig config) {
        MlopsConfig.Budget budget = config.study().budget();
        if (budget.patience() == 0) {
            return history -> false;
        }
        PlateauRule rule = new PlateauRule(budget.patience(), budget.minDelta());
        return history -> rule.shouldStop(history, config.direction());
    }

    /** Why the study of {@code state}, started at {@code started}, stops at {@code now}; {@code null} to go on. */
    String reason(final ChainState state, final Instant started, final Instant now) {
        Optional<TrialRecord> best = state.best();
        if (best.isPresent() && config.objective().isMet(best.get().metric())) {
            return "trial " + best.get().number() + " met the target";
        }
        long finished = state.trials().stream().filter(t -> t.state().isFinished()).count();
        if (finished >= config.study().budget().maxTrials()) {
            return "reached max trials (" + config.study().budget().maxTrials() + ")";
        }
        long failed = state.trials().stream()
                .filter(t -> t.state() == TrialState.FAILED || t.state() == TrialState.TIMED_OUT).count();
        if (failed >= config.study().budget().maxFailedTrials()) {
            return "reached max failed trials (" + config.study().budget().maxFailedTrials() + ")";
        }
        if (config.study().budget().time() != null && Duration.between(started, now).compareTo(config.study().budget().time()) >= 0) {
            return "time budget of " + config.study().budget().time().toMinutes() + " min used up";
        }
        if (plateau.test(state.trials())) {
            return "no improvement over the last " + config.study().budget().patience() + " trials (plateau rule)";
        }
        return null;
    }
}
