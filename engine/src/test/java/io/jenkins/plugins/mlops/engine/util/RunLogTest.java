package io.jenkins.plugins.mlops.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The run log: lines in order, live sink, capped errors, serialisable for the agent channel. */
class RunLogTest {
    /** Lines reach the sink as they are logged, and are kept. */
    @Test
    void shouldPassLinesToTheSinkAsTheyCome() {
        List<String> seen = new ArrayList<>();
        RunLog log = new RunLog((error, line) -> seen.add((error ? "E " : "I ") + line));

        log.info("trial %d of %d", 1, 10);
        log.error("training failed");

        assertThat(seen).containsExactly("I trial 1 of 10", "E training failed");
        assertThat(log.getInfoMessages()).containsExactly("trial 1 of 10");
        assertThat(log.getErrorMessages()).containsExactly("training failed");
        assertThat(log.hasErrors()).isTrue();
    }

    /** A line with a percent sign but no arguments is kept as it is. */
    @Test
    void shouldNotFormatLinesWithoutArguments() {
        RunLog log = new RunLog();
        log.info("accuracy 93%");
        assertThat(log.getInfoMessages()).containsExactly("accuracy 93%");
    }

    /** Errors past the cap are counted, not stored. */
    @Test
    void shouldCapErrorLines() {
        RunLog log = new RunLog();
        for (int i = 0; i < RunLog.MAX_ERRORS + 5; i++) {
            log.error("e" + i);
        }
        assertThat(log.getErrorMessages()).hasSize(RunLog.MAX_ERRORS);
        assertThat(log.getDroppedErrors()).isEqualTo(5);
    }

    /** Merging keeps both logs' lines; serialising keeps the lines and drops the sink. */
    @Test
    void shouldMergeAndSurviveSerialisation() throws IOException, ClassNotFoundException {
        RunLog first = new RunLog((error, line) -> { });
        first.info("one");
        RunLog second = new RunLog();
        second.error("two");
        first.merge(second);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(first);
        }
        RunLog copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (RunLog) in.readObject();
        }
        assertThat(copy.getInfoMessages()).containsExactly("one");
        assertThat(copy.getErrorMessages()).containsExactly("two");
        copy.info("after");
        assertThat(copy.getInfoMessages()).containsExactly("one", "after");
    }
}
