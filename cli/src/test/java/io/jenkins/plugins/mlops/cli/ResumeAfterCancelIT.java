package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.9 end to end: {@code mlops run} on a model the detector does not recognise is stopped (SIGTERM, as Ctrl-C
 * ends the JVM) while its baseline trains in a real container; the next {@code mlops run} trains that baseline again
 * under its own number instead of ending "no safe tweak" without training.
 */
@RequiresDocker
class ResumeAfterCancelIT {
    private static final Path JAR = Path.of("target", "mlops.jar").toAbsolutePath();
    private static final Duration WAIT = Duration.ofMinutes(2);

    @TempDir
    private Path dir;

    /** The cancelled baseline is trained again on the re-run, and its metric is judged. */
    @Test
    void shouldTrainTheCancelledBaselineAgainOnTheNextRun() throws IOException, InterruptedException {
        Files.writeString(dir.resolve("mlops.yml"), "image: mlops/sklearn:0.1\nentry: train.py\nmax_trials: 3\n"
                + "publish:\n  enabled: false\n");
        // Not a model the detector knows; it takes its time so that the first run can be stopped while it trains.
        Files.writeString(dir.resolve("train.py"), """
                import time
                print("started", flush=True)
                time.sleep(6)
                print("MLOPS_METRIC accuracy=0.95")
                """);
        Path first = dir.resolve("first.log");
        Process run = mlops(first);
        awaitContent(first, "started");
        run.destroy();
        assertThat(run.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(new ChainStateStore(dir).load().orElseThrow().trial(1)).hasValueSatisfying(
                trial -> assertThat(trial.state()).isEqualTo(TrialState.CANCELLED));

        Path second = dir.resolve("second.log");
        Process rerun = mlops(second);
        assertThat(rerun.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(Files.readString(second)).isTrue();

        ChainState state = new ChainStateStore(dir).load().orElseThrow();
        assertThat(state.trials()).as(Files.readString(second)).extracting(TrialRecord::number, TrialRecord::state,
                TrialRecord::change).containsExactly(org.assertj.core.groups.Tuple.tuple(1, TrialState.COMPLETE,
                        "baseline"));
        assertThat(state.trials().get(0).metric()).isEqualTo(0.95);
        assertThat(Files.readString(second)).contains("Resuming trial 1, cancelled").doesNotContain("FAILED");
        assertThat(rerun.exitValue()).as(Files.readString(second)).isZero();
        assertThat(RunContainers.of(state.chainId())).isEmpty();
    }

    private Process mlops(final Path output) throws IOException {
        return new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString(), "run", "--workspace", dir.toString())).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static void awaitContent(final Path file, final String text) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("'" + text + "' never appeared: " + Files.readString(file));
    }
}
