package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.testing.SecondDockerDaemon;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ask-and-tell study whose trials train in real containers on two real Docker daemons: the shared one and a second
 * one started for this test (scripts/second-dockerd.sh) and stopped after.
 */
@RequiresDocker
class AskTellTwoHostsIT {
    private static final String IMAGE = "mlops/sklearn:0.1";
    /** A digits MLP sized by the sampled parameters; a checkout holding slow.txt hangs first (a dying agent). */
    private static final String TRAIN_PY = """
            import json, os, time
            import joblib
            from sklearn.datasets import load_digits
            from sklearn.model_selection import train_test_split
            from sklearn.neural_network import MLPClassifier
            params = json.loads(os.environ.get("MLOPS_PARAMS") or "{}")
            if os.path.exists("slow.txt"):
                print("slow worker: hanging", flush=True)
                time.sleep(300)
            X, y = load_digits(return_X_y=True)
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
            model = MLPClassifier(hidden_layer_sizes=(int(params.get("units", 32)),),
                                  learning_rate_init=float(params.get("rate", 0.001)), max_iter=200, random_state=0)
            model.fit(X_train, y_train)
            accuracy = model.score(X_test, y_test)
            joblib.dump(model, "model.joblib")
            print(f"MLOPS_METRIC accuracy={accuracy:.4f}")
            """;
    private static final String MLOPS_YML = """
            entry: train.py
            image: mlops/sklearn:0.1
            target: 0.9
            max_trials: 6
            max_failed_trials: 3
            sampler: random
            seed: 7
            search_space:
              units: {type: int, low: 16, high: 64, log: true}
              rate: {type: float, low: 0.001, high: 0.01, log: true}
            train:
              timeout: 10m
              cpus: 1
              artifacts: [model.joblib]
            """;

    private static SecondDockerDaemon second;
    private static ContainerTrainer first;

    @TempDir
    Path root;

    private Path home;
    private ExecutorService workers;

    @BeforeAll
    static void startSecondDaemon() {
        second = SecondDockerDaemon.start(IMAGE);
        first = ContainerTrainer.fromEnvironment();
    }

    @AfterAll
    static void stopSecondDaemon() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.stop();
        }
    }

    @BeforeEach
    void createStudy() throws IOException {
        home = checkout("home");
        workers = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.shutdownNow();
        workers.awaitTermination(2, TimeUnit.MINUTES);
    }

    /**
     * Two trials at a time, one per Docker host, until a trial meets the target; results told out of order and twice
     * are recorded once, and the best trial's model files are where the study says.
     */
    @Test
    void shouldReachTheTargetWithTrialsOnTwoHosts() throws Exception {
        AskTell study = new AskTell(home, config(home));
        StudyStatus status = null;
        List<String> hosts = new ArrayList<>();
        try (ContainerTrainer secondTrainer = second.trainer()) {
            while (status == null || !status.done()) {
                List<TrialSpec> asked = study.ask(2, null, Duration.ofMinutes(15), new RunLog());
                assertThat(asked).isNotEmpty();
                List<Future<TrialReport>> reports = new ArrayList<>();
                for (int i = 0; i < asked.size(); i++) {
                    boolean onSecond = i % 2 == 1;
                    reports.add(train(asked.get(i), onSecond ? secondTrainer : first, onSecond ? "host-b" : "host-a",
                            checkout("trial-" + asked.get(i).number())));
                }
                List<TrialReport> told = new ArrayList<>();
                for (Future<TrialReport> report : reports) {
                    told.add(report.get(10, TimeUnit.MINUTES));
                }
                for (int i = told.size() - 1; i >= 0; i--) {
                    status = study.tell(told.get(i), new RunLog());
                }
                status = study.tell(told.get(0), new RunLog());
                told.forEach(report -> hosts.add(report.modelLocation().worker()));
            }
        }

        ChainState state = new ChainStateStore(home).load().orElseThrow();
        assertThat(status.passed()).as(status.reason()).isTrue();
        assertThat(hosts).contains("host-a", "host-b");
        assertThat(state.trials()).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
        assertThat(state.step(io.jenkins.plugins.mlops.engine.model.StepRecord.Step.TRAIN).orElseThrow().runs())
                .isEqualTo(state.trials().size());
        Path bestFolder = Path.of(status.bestModelLocation().folder());
        assertThat(status.bestModelLocation().files()).contains("train.py", "model.joblib");
        assertThat(bestFolder.resolve("model.joblib")).isNotEmptyFile();
    }

    /**
     * A trial whose Docker daemon is stopped mid-training never tells: it is FAILED once its lease expires, and the
     * study goes on with the other host.
     */
    @Test
    void shouldFailATrialWhoseDaemonStoppedAndGoOn() throws Exception {
        // A target no trial meets: the study must go on after the lost trial.
        AskTell study = new AskTell(home, ConfigLoader.load(home, null, Overrides.builder().target(0.999).build(),
                OperatorPolicy.DEFAULT));
        List<TrialSpec> asked = study.ask(2, null, Duration.ofSeconds(40), new RunLog());
        Path slowCheckout = checkout("trial-2");
        Files.writeString(slowCheckout.resolve("slow.txt"), "hang");
        Future<TrialReport> healthy = train(asked.get(0), first, "host-a", checkout("trial-1"));
        Future<TrialReport> dying;
        try (ContainerTrainer secondTrainer = second.trainer()) {
            dying = train(asked.get(1), secondTrainer, "host-b", slowCheckout);
            waitForTrainingContainer(second);
            second.stop();
            try {
                dying.get(2, TimeUnit.MINUTES);
            }
            catch (java.util.concurrent.ExecutionException | TimeoutException e) {
                // A worker that lost its daemon cannot tell; whether it failed or hung does not matter here.
            }
        }
        finally {
            second.restart();
            second.removeTrainingContainers();
        }
        study.tell(healthy.get(10, TimeUnit.MINUTES), new RunLog());
        waitUntilLeaseExpired(asked.get(1));

        List<TrialSpec> next = study.ask(1, null, Duration.ofMinutes(15), new RunLog());
        TrialRecord lost = new ChainStateStore(home).load().orElseThrow().trial(2).orElseThrow();
        assertThat(lost.state()).isEqualTo(TrialState.FAILED);
        assertThat(lost.message()).contains("lease expired");
        assertThat(next).extracting(TrialSpec::number).containsExactly(3);
        StudyStatus status = study.tell(train(next.get(0), first, "host-a", checkout("trial-3"))
                .get(10, TimeUnit.MINUTES), new RunLog());
        assertThat(status.finished()).isEqualTo(3);
        assertThat(status.running()).isZero();
    }

    private Future<TrialReport> train(final TrialSpec spec, final ContainerTrainer trainer, final String worker,
            final Path checkout) {
        MlopsConfig config = config(checkout);
        return workers.submit(() -> new TrialWorker(trainer).train(spec, checkout, config, worker,
                TrainingOutput.discard(), new RunLog()));
    }

    private Path checkout(final String name) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        Files.writeString(dir.resolve("train.py"), TRAIN_PY);
        Files.writeString(dir.resolve("mlops.yml"), MLOPS_YML);
        return dir;
    }

    private static MlopsConfig config(final Path checkout) {
        return ConfigLoader.load(checkout);
    }

    private static void waitForTrainingContainer(final SecondDockerDaemon daemon) throws Exception {
        for (int i = 0; i < 120; i++) {
            Process ps = new ProcessBuilder("docker", "-H", daemon.host(), "ps", "-q", "--filter",
                    "label=io.jenkins.plugins.mlops.run").redirectErrorStream(true).start();
            String ids = new String(ps.getInputStream().readAllBytes()).trim();
            ps.waitFor();
            if (!ids.isEmpty()) {
                Thread.sleep(2000);
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("No training container appeared on the second daemon in 60 s");
    }

    private static void waitUntilLeaseExpired(final TrialSpec spec) throws InterruptedException {
        java.time.Instant expiry = java.time.Instant.parse(spec.lease().expiresAt());
        while (java.time.Instant.now().isBefore(expiry.plusSeconds(1))) {
            Thread.sleep(500);
        }
    }
}
