package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What an image build says in the run's log: steps at once, the rest only in the progress line. */
class BuildProgressTest {
    private final RunLog log = new RunLog();

    /** Step lines are said as they come; apt's flood of lines is not. */
    @Test
    void shouldSayStepsAtOnceAndKeepTheRestForTheProgressLine() {
        try (BuildProgress progress = new BuildProgress(log, "mlops/x:1", Duration.ofHours(1))) {
            progress.output("Step 1/3 : FROM debian:bookworm-slim\n ---> 316b7115d60e\n");
            progress.output("Step 2/3 : RUN apt-get install python3\nGet:1 http://deb.debian.org x\n");
            progress.output("Unpacking python3.11 (3.11.2-6) ...");
        }

        assertThat(log.getInfoMessages()).containsExactly("[docker build] Step 1/3 : FROM debian:bookworm-slim",
                "[docker build] Step 2/3 : RUN apt-get install python3");
    }

    /** After a silence, one line with the image, the time so far, the step and the latest output. */
    @Test
    void shouldSayWhereASilentBuildIs() {
        try (BuildProgress progress = new BuildProgress(log, "mlops/x:1", Duration.ofMillis(200))) {
            progress.output("Step 2/3 : RUN apt-get install python3\nUnpacking python3.11 (3.11.2-6) ...\n");

            await().atMost(Duration.ofSeconds(10)).until(() -> log.getInfoMessages().size() >= 2);
        }

        assertThat(log.getInfoMessages().get(1))
                .matches("\\[docker build] mlops/x:1: \\d+s, Step 2/3, Unpacking python3\\.11 \\(3\\.11\\.2-6\\) \\.\\.\\.");
    }

    /** A very long output line is cut, so that one progress line stays one line of a readable length. */
    @Test
    void shouldCutLongLines() {
        try (BuildProgress progress = new BuildProgress(log, "mlops/x:1", Duration.ofMillis(200))) {
            progress.output("x".repeat(500));

            await().atMost(Duration.ofSeconds(10)).until(() -> !log.getInfoMessages().isEmpty());
        }

        assertThat(log.getInfoMessages().get(0)).hasSizeLessThan(200).endsWith("x...");
    }
}
