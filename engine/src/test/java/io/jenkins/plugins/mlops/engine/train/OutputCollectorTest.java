package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The log follower: streams kept apart, metric lines found, the tail kept. */
class OutputCollectorTest {
    private final List<String> seen = new ArrayList<>();
    private final OutputCollector collector = new OutputCollector(new TrainingOutput() {
        @Override
        public void stdout(final String line) {
            seen.add("out " + line);
        }

        @Override
        public void stderr(final String line) {
            seen.add("err " + line);
        }
    }, 3);

    /** Stdout and stderr lines reach their own callback; partial lines of each stream do not mix. */
    @Test
    void shouldKeepStreamsApart() {
        collector.onNext(frame(StreamType.STDOUT, "loss 0."));
        collector.onNext(frame(StreamType.STDERR, "warning\n"));
        collector.onNext(frame(StreamType.STDOUT, "5\n"));

        assertThat(seen).containsExactly("err warning", "out loss 0.5");
    }

    /** MLOPS_METRIC lines on stdout are collected; other lines and stderr are not. */
    @Test
    void shouldCollectMetricLines() {
        collector.onNext(frame(StreamType.STDOUT, "MLOPS_METRIC accuracy=0.93\naccuracy 0.5\n"));
        collector.onNext(frame(StreamType.STDERR, "MLOPS_METRIC loss=1\n"));
        collector.onNext(frame(StreamType.STDOUT, "  MLOPS_METRIC loss = 0.2\n"));

        assertThat(collector.metricLines()).containsExactly("MLOPS_METRIC accuracy=0.93", "MLOPS_METRIC loss = 0.2");
    }

    /** Only the last lines are kept, and the unfinished last line counts after completion. */
    @Test
    void shouldKeepTheLastLines() {
        collector.onNext(frame(StreamType.STDOUT, "1\n2\n3\n4\nTraceback"));
        collector.onComplete();

        assertThat(collector.lastLines()).containsExactly("3", "4", "Traceback");
    }

    private static Frame frame(final StreamType type, final String text) {
        return new Frame(type, text.getBytes(StandardCharsets.UTF_8));
    }
}
