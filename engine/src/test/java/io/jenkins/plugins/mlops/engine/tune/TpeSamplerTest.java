package io.jenkins.plugins.mlops.engine.tune;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The TPE sampler: the contract, random during startup, and better than random once it has learnt. */
class TpeSamplerTest extends AbstractSamplerTest {
    @Override
    Sampler create(final long seed) {
        return new TpeSampler(seed);
    }

    /** Until the startup trials are done, TPE draws exactly what the random sampler with its seed draws. */
    @Test
    void shouldDrawAtRandomDuringStartup() {
        List<TrialRecord> history = new ArrayList<>();
        for (int number = 1; number <= TpeSampler.DEFAULT_STARTUP_TRIALS; number++) {
            Map<String, Object> params = new TpeSampler(8).sample(SPACE, history, Direction.MAXIMIZE);
            assertThat(params).isEqualTo(new RandomSampler(8).sample(SPACE, history, Direction.MAXIMIZE));
            history.add(Trials.complete(number, params, objective(params)));
        }

        assertThat(new TpeSampler(8).sample(SPACE, history, Direction.MAXIMIZE))
                .isNotEqualTo(new RandomSampler(8).sample(SPACE, history, Direction.MAXIMIZE));
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

    private static double best(final List<TrialRecord> history) {
        return history.stream().mapToDouble(TrialRecord::metric).max().orElseThrow();
    }
}
