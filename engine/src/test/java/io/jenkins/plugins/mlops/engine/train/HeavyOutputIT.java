package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.4, attacked with a real container: 100 MB of stdout between a first metric line (0.99) and the last one
 * (0.50). Every line reaches the collector, so the last metric counts; what is passed on for the stored log is
 * bounded (head and tail, with a note of how much was cut).
 */
@RequiresDocker
class HeavyOutputIT {
    private static final int LINES = 1_000_000;
    private static ContainerTrainer trainer;

    @TempDir
    private Path workspace;

    @BeforeAll
    static void connect() {
        trainer = ContainerTrainer.fromEnvironment();
    }

    @AfterAll
    static void disconnect() {
        trainer.close();
    }

    /** The final MLOPS_METRIC line after 100 MB of output is the one the result holds. */
    @Test
    void shouldKeepTheLastMetricLineAfterAHundredMegabytes() throws Exception {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import sys
                print("MLOPS_METRIC accuracy=0.99")
                line = "x" * 99 + "\\n"
                block = line * 1000
                for _ in range(%d):
                    sys.stdout.write(block)
                print("MLOPS_METRIC accuracy=0.50")
                """.formatted(LINES / 1000));
        AtomicLong passedOn = new AtomicLong();
        TrainingOutput counting = new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                // A console that takes its time, as a terminal or a Jenkins log does under this much output.
                if (passedOn.addAndGet(line.length() + 1) % 200 == 0) {
                    LockSupport.parkNanos(50_000);
                }
            }

            @Override
            public void stderr(final String line) {
                passedOn.addAndGet(line.length() + 1);
            }
        };
        RunLog log = new RunLog();

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), counting, log);

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.outputComplete()).isTrue();
        assertThat(result.metricLines()).last().isEqualTo("MLOPS_METRIC accuracy=0.50");
        assertThat(result.lastLines()).last().isEqualTo("MLOPS_METRIC accuracy=0.50");
        assertThat(passedOn.get()).isLessThan(OutputCollector.HEAD_BYTES + OutputCollector.TAIL_BYTES + 1024);
        assertThat(log.getInfoMessages()).anyMatch(line -> line.contains("lines of output")
                && line.contains("cut"));
    }
}
