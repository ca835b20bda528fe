package io.jenkins.plugins.mlops.engine.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.testing.Trials;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TPE sampler: the contract, a Latin hypercube at the start, and better than random once it has learnt. */
class TpeSamplerTest extends AbstractSamplerTest {
    @Override
    Sampler create(final long seed) {
        return new TpeSampler(seed);
    }

    /** The startup trials form a Latin hypercube: each takes another fifth of every range and all choices come up. */
    @Test
    void shouldStartWithALatinHypercube() {
        List<TrialRecord> history = new ArrayList<>();
        for (int number = 1; number <= TpeSampler.DEFAULT_STARTUP_TRIALS; number++) {
            Map<String, Object> params = new TpeSampler(8).sample(SPACE, history, Direction.MAXIMIZE);
            history.add(Trials.complete(number, params, objective(params)));
        }

        assertThat(history).extracting(t -> t.params().get("solver")).contains("adam", "sgd", "lbfgs");
        for (String range : List.of("lr", "dropout")) {
            Distribution distribution = SPACE.parameters().get(range);
            double width = (distribution.internalHigh() - distribution.internalLow()) / 5;
            assertThat(history.stream().map(t -> (int) Math.floor(
                    (distribution.toInternal(t.params().get(range)) - distribution.internalLow()) / width))
                    .toList()).as(range).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        }
    }

    /** Once the startup trials are finished, TPE no longer draws what the random sampler draws. */
    @Test
    void shouldModelOnceTheStartupTrialsAreFinished() {
        List<TrialRecord> history = study(new TpeSampler(8), SPACE, TpeSampler.DEFAULT_STARTUP_TRIALS);

        assertThat(new TpeSampler(8).sample(SPACE, history, Direction.MAXIMIZE))
                .isNotEqualTo(new RandomSampler(8).sample(SPACE, history, Direction.MAXIMIZE))
                .isEqualTo(new TpeSampler(8).sample(SPACE, history, Direction.MAXIMIZE));
    }

    /** Over 20 fixed seeds and 30 trials each, TPE's best trials are better on average than random search's. */
    @Test
    void shouldFindBetterTrialsThanRandomSearch() {
        double tpe = 0;
        double random = 0;
        for (long seed = 0; seed < 20; seed++) {
            tpe += best(study(new TpeSampler(seed), SPACE, 30));
            random += best(study(new RandomSampler(seed), SPACE, 30));
        }

        assertThat(tpe / 20).isGreaterThan(random / 20);
    }

    /** Minimising, TPE moves toward low values: the mirror of maximising. */
    @Test
    void shouldFollowTheDirection() {
        List<TrialRecord> history = new ArrayList<>();
        Sampler sampler = new TpeSampler(4);
        for (int number = 1; number <= 30; number++) {
            Map<String, Object> params = sampler.sample(SPACE, history, Direction.MINIMIZE);
            history.add(Trials.complete(number, params, ((Number) params.get("dropout")).doubleValue()));
        }
        double lateMean = history.subList(20, 30).stream().mapToDouble(TrialRecord::metric).average().orElseThrow();

        assertThat(lateMean).isLessThan(0.125);
    }

    /**
     * A trial still running pushes the next proposal away from its point (the constant liar): with the same random
     * stream (same history length), TPE proposes another point than when the running trial lies outside the space.
     */
    @Test
    void shouldMoveAwayFromRunningTrials() {
        List<TrialRecord> finished = study(new TpeSampler(8), SPACE, 12);
        List<TrialRecord> ignored = new ArrayList<>(finished);
        ignored.add(Trials.running(13, Map.of("solver", "not-in-the-space")));
        Map<String, Object> proposal = new TpeSampler(8).sample(SPACE, ignored, Direction.MAXIMIZE);
        List<TrialRecord> pending = new ArrayList<>(finished);
        pending.add(Trials.running(13, proposal));

        Map<String, Object> next = new TpeSampler(8).sample(SPACE, pending, Direction.MAXIMIZE);

        assertThat(next).isNotEqualTo(proposal);
    }

    /** Four trials asked at once, each seeing the earlier ones running, are four different points. */
    @Test
    void shouldProposeDifferentPointsForParallelTrials() {
        List<TrialRecord> history = new ArrayList<>(study(new TpeSampler(3), SPACE, 10));
        for (int number = 11; number <= 14; number++) {
            history.add(Trials.running(number, new TpeSampler(3).sample(SPACE, history, Direction.MAXIMIZE)));
        }

        assertThat(history.subList(10, 14).stream().map(TrialRecord::params).distinct()).hasSize(4);
    }

    private static double best(final List<TrialRecord> history) {
        return history.stream().mapToDouble(TrialRecord::metric).max().orElseThrow();
    }
}
