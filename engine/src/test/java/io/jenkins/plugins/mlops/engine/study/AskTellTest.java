package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelLocation;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ask-and-tell study's rules, without Docker: what is asked, how tells are recorded, leases, stopping. */
class AskTellTest {
    private static final Duration LEASE = Duration.ofMinutes(30);

    @TempDir
    Path home;

    private final MovableClock clock = new MovableClock();

    @BeforeEach
    void createRepository() throws IOException {
        Files.writeString(home.resolve("train.py"), "units = 1\n");
        Files.writeString(home.resolve("mlops.yml"), """
                entry: train.py
                image: mlops/sklearn:0.1
                max_trials: 6
                max_failed_trials: 2
                sampler: tpe
                search_space:
                  units: {type: int, low: 1, high: 256, log: true}
                  rate: {type: float, low: 0.0001, high: 0.1, log: true}
                """);
    }

    /** k trials asked at once are recorded RUNNING under a lease, each with its own parameters. */
    @Test
    void shouldAskForSeveralDifferentTrials() {
        List<TrialSpec> asked = study().ask(3, "agent-1", LEASE, new RunLog());

        assertThat(asked).extracting(TrialSpec::number).containsExactly(1, 2, 3);
        assertThat(asked.stream().map(TrialSpec::params).distinct()).hasSize(3);
        assertThat(asked).allSatisfy(spec -> {
            assertThat(spec.entry()).isEqualTo("train.py");
            assertThat(spec.image()).isEqualTo("mlops/sklearn:0.1");
            assertThat(spec.lease().worker()).isEqualTo("agent-1");
        });
        ChainState saved = saved();
        assertThat(saved.trials()).extracting(TrialRecord::state).containsOnly(TrialState.RUNNING);
        assertThat(saved.trials().get(0).lease().expiresAt()).isEqualTo(clock.instant().plus(LEASE).toString());
        assertThat(asked).extracting(TrialSpec::chainId).containsOnly(saved.chainId());
    }

    /** Max trials bounds what is asked, counting the trials still running. */
    @Test
    void shouldNotAskBeyondMaxTrials() {
        study().ask(4, null, LEASE, new RunLog());

        assertThat(study().ask(4, null, LEASE, new RunLog())).extracting(TrialSpec::number).containsExactly(5, 6);
        assertThat(study().ask(4, null, LEASE, new RunLog())).isEmpty();
    }

    /** Results told out of order and twice are recorded once each; the first tell of a trial stands. */
    @Test
    void shouldRecordOutOfOrderAndRepeatedTellsOnce() {
        study().ask(3, null, LEASE, new RunLog());

        study().tell(complete(3, 0.7), new RunLog());
        study().tell(complete(1, 0.5), new RunLog());
        RunLog log = new RunLog();
        StudyStatus status = study().tell(complete(3, 0.99), log);

        assertThat(saved().trials()).extracting(TrialRecord::metric).containsExactly(0.5, null, 0.7);
        assertThat(log.getInfoMessages()).anyMatch(line -> line.contains("Trial 3 was told already"));
        assertThat(status.done()).isFalse();
        assertThat(status.running()).isEqualTo(1);
        assertThat(status.best().number()).isEqualTo(3);
        assertThat(status.bestModelLocation().worker()).isEqualTo("worker-3");
    }

    /** A trial never told fails when its lease expires, counts against max failed trials, and a late result wins. */
    @Test
    void shouldFailATrialWhoseLeaseExpiredAndStillRecordItsLateResult() {
        study().ask(2, "agent-2", Duration.ofMinutes(1), new RunLog());
        study().tell(complete(1, 0.5), new RunLog());
        clock.advance(Duration.ofMinutes(2));

        List<TrialSpec> next = study().ask(1, null, LEASE, new RunLog());

        TrialRecord expired = saved().trial(2).orElseThrow();
        assertThat(expired.state()).isEqualTo(TrialState.FAILED);
        assertThat(expired.message()).contains("lease expired").contains("agent-2");
        assertThat(next).extracting(TrialSpec::number).containsExactly(3);

        StudyStatus status = study().tell(complete(2, 0.6), new RunLog());

        assertThat(saved().trial(2).orElseThrow().metric()).isEqualTo(0.6);
        assertThat(status.best().number()).isEqualTo(2);
    }

    /** Two lease expiries reach max failed trials: the study is done and asks for nothing more. */
    @Test
    void shouldStopAtMaxFailedTrialsByLease() {
        study().ask(2, null, Duration.ofMinutes(1), new RunLog());
        clock.advance(Duration.ofMinutes(5));

        StudyStatus status = study().status(new RunLog());

        assertThat(status.done()).isTrue();
        assertThat(status.reason()).contains("max failed trials (2)");
        assertThat(study().ask(2, null, LEASE, new RunLog())).isEmpty();
    }

    /** The study stops at the first told trial that meets the target; a result told after that is still recorded. */
    @Test
    void shouldStopWhenATrialMeetsTheTargetAndKeepLateResults() {
        study().ask(2, null, LEASE, new RunLog());

        StudyStatus met = study().tell(complete(2, 0.95), new RunLog());
        StudyStatus late = study().tell(complete(1, 0.97), new RunLog());

        assertThat(met.done()).isTrue();
        assertThat(met.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(study().ask(2, null, LEASE, new RunLog())).isEmpty();
        assertThat(late.best().number()).isEqualTo(1);
        assertThat(saved().gate().value()).isEqualTo(0.97);
    }

    /** The gate in run.json stays the best trial's when a worse one is told later: publish acts on it. */
    @Test
    void shouldKeepTheBestTrialsGate() {
        study().ask(2, null, LEASE, new RunLog());

        study().tell(complete(1, 0.8), new RunLog());
        study().tell(complete(2, 0.3), new RunLog());

        assertThat(saved().gate().value()).isEqualTo(0.8);
    }

    /** Eight workers telling at once lose none of each other's results: each tell is a locked read-modify-write. */
    @Test
    void shouldNotLoseConcurrentTells() throws Exception {
        Files.writeString(home.resolve("mlops.yml"), Files.readString(home.resolve("mlops.yml"))
                .replace("max_trials: 6", "max_trials: 8"));
        study().ask(8, null, LEASE, new RunLog());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<StudyStatus>> tells = new ArrayList<>();
            for (int number = 1; number <= 8; number++) {
                int trial = number;
                tells.add(pool.submit(() -> new AskTell(home, config(), clock).tell(complete(trial, 0.1 * trial / 2),
                        new RunLog())));
            }
            for (Future<StudyStatus> tell : tells) {
                tell.get();
            }
        }
        finally {
            pool.shutdownNow();
        }

        assertThat(saved().trials()).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
    }

    /** A trial number never asked, or a RUNNING result, is refused with a message saying what to tell. */
    @Test
    void shouldRefuseBadTells() {
        study().ask(1, null, LEASE, new RunLog());

        assertThatThrownBy(() -> study().tell(complete(7, 0.5), new RunLog()))
                .isInstanceOf(MlopsException.class).hasMessageContaining("Trial 7 was never asked");
        assertThatThrownBy(() -> study().tell(new TrialReport(1, TrialState.RUNNING, null, 0, null, null, null,
                null), new RunLog())).isInstanceOf(MlopsException.class).hasMessageContaining("finished state");
    }

    /** Source edits build on each other: one trial at a time, its edited entry carried by value in the spec. */
    @Test
    void shouldAskSourceEditsOneAtATime() throws IOException {
        Files.writeString(home.resolve("train.py"), """
                from sklearn.neural_network import MLPClassifier
                model = MLPClassifier(hidden_layer_sizes=(16,), max_iter=50)
                """);
        Files.writeString(home.resolve("mlops.yml"), "entry: train.py\nimage: mlops/sklearn:0.1\nmax_trials: 4\n");
        new ChainStateStore(home).save(ChainState.start("run").withDetection(new Detection("train.py",
                new ModelType(Framework.SKLEARN, Architecture.ANN), "mlops/sklearn:0.1", 0.9, false, List.of())));

        List<TrialSpec> first = study().ask(3, null, LEASE, new RunLog());
        assertThat(study().ask(3, null, LEASE, new RunLog())).isEmpty();
        study().tell(complete(1, 0.5), new RunLog());
        List<TrialSpec> second = study().ask(3, null, LEASE, new RunLog());

        assertThat(first).extracting(TrialSpec::number).containsExactly(1);
        assertThat(first.get(0).source()).isNull();
        assertThat(second).extracting(TrialSpec::number).containsExactly(2);
        assertThat(second.get(0).source()).isNotEqualTo(Files.readString(home.resolve("train.py")));
        assertThat(second.get(0).diff()).isNotBlank();
    }

    private AskTell study() {
        return new AskTell(home, config(), clock);
    }

    private MlopsConfig config() {
        return ConfigLoader.load(home);
    }

    private ChainState saved() {
        return new ChainStateStore(home).load().orElseThrow();
    }

    private static TrialReport complete(final int number, final double metric) {
        GateResult gate = new GateResult(metric >= 0.9 ? Verdict.PASSED : Verdict.BELOW_TARGET, "accuracy", metric,
                0.9, Direction.MAXIMIZE, "accuracy " + metric);
        return new TrialReport(number, TrialState.COMPLETE, metric, 1000, "sha256:abc", null, gate,
                new ModelLocation("worker-" + number, "/ws/.mlops/trials/" + number + "/work", List.of("train.py")));
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-12-03T03:00:00Z");

        void advance(final Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(final java.time.ZoneId zone) {
            return this;
        }
    }
}
