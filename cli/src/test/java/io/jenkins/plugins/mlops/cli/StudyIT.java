package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Studies with real containers: a search space, a PyTorch CNN, a target out of reach, and a run killed mid-trial. */
@RequiresDocker
class StudyIT {
    private static final String SEARCH_SPACE_SCRIPT = """
            import json, os, time
            from sklearn.datasets import load_digits
            from sklearn.model_selection import train_test_split
            from sklearn.neural_network import MLPClassifier
            params = json.loads(os.environ.get("MLOPS_PARAMS", "{}"))
            time.sleep(%s)
            X, y = load_digits(return_X_y=True)
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
            model = MLPClassifier(hidden_layer_sizes=(int(params["hidden_units"]),),
                                  max_iter=int(params["max_iter"]), random_state=0).fit(X_train, y_train)
            print(f"MLOPS_METRIC accuracy={model.score(X_test, y_test):.4f}")
            """;

    @TempDir
    private Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A weak start in a search space: the TPE sampler finds parameters that reach 0.90. */
    @Test
    void shouldReachTheTargetWithASearchSpace() throws IOException {
        Path repo = searchSpaceRepo("target: 0.90\nmax_trials: 10\n", 0);

        int exit = run("run", "--workspace", repo.toString(), "--quiet", "--json", "--no-publish");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("verdict").asText()).isEqualTo("PASSED");
        ChainState state = new ChainStateStore(repo).load().orElseThrow();
        assertThat(state.trials()).allSatisfy(t -> assertThat(t.params()).containsKeys("hidden_units", "max_iter"));
        assertThat(state.best().orElseThrow().metric()).isGreaterThanOrEqualTo(0.9);
    }

    /** The PyTorch demo's small CNN trained for one epoch is tweaked until it reaches 0.90. */
    @Test
    void shouldTrainThePyTorchDemoToTheTarget() throws IOException {
        int exit = run("demo", "--framework", "pytorch", "--dir", dir.resolve("demo").toString(), "--quiet",
                "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("verdict").asText()).isEqualTo("PASSED");
        ChainState state = new ChainStateStore(dir.resolve("demo/workspace")).load().orElseThrow();
        assertThat(state.detection().type().toString()).isEqualTo("pytorch/cnn");
        assertThat(state.published()).isNotNull();
    }

    /** A target out of reach stops at max trials with BELOW_TARGET, exit 1, and names the best trial. */
    @Test
    void shouldStopAtMaxTrialsWhenTheTargetIsOutOfReach() throws IOException {
        Path repo = searchSpaceRepo("target: 0.999\nmax_trials: 3\nsampler: random\n", 0);

        int exit = run("run", "--workspace", repo.toString(), "--quiet", "--json");

        assertThat(exit).isEqualTo(1);
        JsonNode summary = new ObjectMapper().readTree(out.toString());
        assertThat(summary.get("verdict").asText()).isEqualTo("BELOW_TARGET");
        assertThat(summary.get("trials").asInt()).isEqualTo(3);
        ChainState state = new ChainStateStore(repo).load().orElseThrow();
        double bestMetric = state.trials().stream().mapToDouble(TrialRecord::metric).max().orElseThrow();
        assertThat(summary.get("best").get("metric").asDouble()).isEqualTo(bestMetric);
        assertThat(state.published()).isNull();
    }

    /** A run killed (kill -9) during trial 2 resumes: trial 2 is trained again under its number, never twice. */
    @Test
    void shouldResumeAfterTheJvmWasKilledMidTrial() throws IOException, InterruptedException {
        Path repo = searchSpaceRepo("target: 0.999\nmax_trials: 3\nsampler: random\n", 4);
        Path jar = Path.of("target", "mlops.jar").toAbsolutePath();
        Process killed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "run", "--workspace", repo.toString(), "--quiet", "--no-publish")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        try {
            awaitTrialRunning(repo, 2);
        }
        finally {
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }

        int exit = run("run", "--workspace", repo.toString(), "--quiet", "--no-publish");

        assertThat(exit).as(err.toString()).isEqualTo(1);
        ChainState state = new ChainStateStore(repo).load().orElseThrow();
        assertThat(state.trials()).extracting(TrialRecord::number).containsExactly(1, 2, 3);
        assertThat(state.trials()).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
        assertThat(out.toString() + err.toString()).contains("Resuming trial 2");
        assertThat(RunContainers.of(state.chainId())).isEmpty();
    }

    private Path searchSpaceRepo(final String settings, final int sleepSeconds) throws IOException {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Files.writeString(repo.resolve("train.py"), SEARCH_SPACE_SCRIPT.formatted(sleepSeconds));
        Files.writeString(repo.resolve("mlops.yml"), settings + """
                train:
                  timeout: 5m
                  memory: 1g
                search_space:
                  hidden_units: {type: int, low: 2, high: 64, log: true}
                  max_iter: {type: int, low: 20, high: 300}
                """);
        return repo;
    }

    private static void awaitTrialRunning(final Path repo, final int number) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        ChainStateStore store = new ChainStateStore(repo);
        while (Instant.now().isBefore(deadline)) {
            boolean running = Files.exists(store.file()) && store.load().flatMap(s -> s.trial(number))
                    .map(t -> t.state() == TrialState.RUNNING).orElse(false);
            if (running) {
                TimeUnit.SECONDS.sleep(2);
                return;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("trial " + number + " never started within 3 minutes");
    }

    private int run(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
