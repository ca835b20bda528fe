package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelLocation;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * mlopsAsk, mlopsTrain(trial:) and mlopsTell as the agent runs them: the maps a script holds between them are plain
 * values, and a trial map or result map turns back into the engine's trial by value.
 */
class AskTellStepsTest {
    private static final EngineSettings SETTINGS = new EngineSettings("", false, "", Map.of(),
            OperatorPolicy.DEFAULT, EngineSettings.Sandbox.DEFAULT, "", false);

    @TempDir
    private Path home;

    /** Asked trials come back as plain maps, and mlopsTrain(trial: t) rebuilds exactly the asked trial from one. */
    @Test
    void shouldHandAskedTrialsToTrainByValue() throws Exception {
        writeStudy();

        List<?> trials = (List<?>) askStep(2).result(EngineCalls.run(new StepOrder.Ask(2, 30), SETTINGS, home,
                new RunLog()));

        assertThat(trials).hasSize(2);
        assertPlain(trials);
        Map<?, ?> first = (Map<?, ?>) trials.get(0);
        TrainStep train = new TrainStep();
        train.setTrial(first);
        StepOrder.TrainAsked order = (StepOrder.TrainAsked) train.order(null);
        assertThat(order.trial().number()).isEqualTo(1);
        assertThat(order.trial().params()).isEqualTo(first.get("params"));
        assertThat(order.trial().chainId()).isEqualTo(new ChainStateStore(home).load().orElseThrow().chainId());
        assertThat(order.trial().entry()).isEqualTo("train.py");
    }

    /** mlopsTell records the results mlopsTrain returned and returns the study's state with the best trial. */
    @Test
    void shouldTellResultsAndReturnTheStudysState() throws Exception {
        writeStudy();
        EngineCalls.run(new StepOrder.Ask(2, 30), SETTINGS, home, new RunLog());
        List<Object> results = new ArrayList<>();
        results.add(TrialMaps.report(report(1, 0.8)));
        results.add(TrialMaps.report(report(2, 0.95)));
        TellStep tell = new TellStep();
        tell.setResults(results);

        StepOutcome outcome = EngineCalls.run(tell.order(null), SETTINGS, home, new RunLog());

        Map<?, ?> status = (Map<?, ?>) tell.result(outcome);
        assertPlain(status);
        assertThat(status.get("done")).isEqualTo(true);
        assertThat(status.get("passed")).isEqualTo(true);
        Map<?, ?> best = (Map<?, ?>) status.get("best");
        assertThat(best.get("trial")).isEqualTo(2);
        assertThat(best.get("worker")).isEqualTo("agent-2");
        assertThat(best.get("files")).isEqualTo(List.of("train.py", "model.joblib"));
    }

    /** A result map that is not one (a string, a map without trial) is refused with what to pass. */
    @Test
    void shouldRefuseWhatIsNoResult() {
        TellStep tell = new TellStep();
        tell.setResults("trial 1 done");
        assertThatThrownBy(() -> tell.order(null)).isInstanceOf(AbortException.class).hasMessageContaining("mlopsTrain");

        tell.setResults(List.of(Map.of("state", "COMPLETE")));
        assertThatThrownBy(() -> tell.order(null)).isInstanceOf(AbortException.class).hasMessageContaining("trial");
    }

    private AskStep askStep(final int count) {
        AskStep ask = new AskStep();
        ask.setCount(count);
        return ask;
    }

    private void writeStudy() throws Exception {
        Files.writeString(home.resolve("train.py"), "print('MLOPS_METRIC accuracy=0.5')\n");
        Files.writeString(home.resolve("mlops.yml"), """
                entry: train.py
                image: mlops/sklearn:0.1
                search_space:
                  units: {type: int, low: 1, high: 64}
                """);
    }

    private static TrialReport report(final int number, final double metric) {
        return new TrialReport(number, TrialState.COMPLETE, metric, 1200, "sha256:abc", null,
                new GateResult(metric >= 0.9 ? Verdict.PASSED : Verdict.BELOW_TARGET, "accuracy", metric, 0.9,
                        Direction.MAXIMIZE, "accuracy " + metric),
                new ModelLocation("agent-" + number, "/ws/.mlops/trials/" + number + "/work",
                        List.of("train.py", "model.joblib")));
    }

    /** Only what a sandboxed script may hold and Pipeline may persist: strings, numbers, booleans, lists, maps. */
    private static void assertPlain(final Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                assertThat(key).isInstanceOf(String.class);
                assertPlain(item);
            });
        }
        else if (value instanceof List<?> list) {
            list.forEach(AskTellStepsTest::assertPlain);
        }
        else if (value != null) {
            assertThat(value).isInstanceOfAny(String.class, Number.class, Boolean.class);
        }
    }
}
