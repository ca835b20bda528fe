package io.jenkins.plugins.mlops.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Durations written the way Jenkins shows them. */
class DurationsTest {
    /** Milliseconds, tenths of seconds, seconds, minutes and hours, each at its scale. */
    @Test
    void shouldWriteEachScale() {
        assertThat(Durations.format(40)).isEqualTo("40 ms");
        assertThat(Durations.format(1_300)).isEqualTo("1.3 s");
        assertThat(Durations.format(42_000)).isEqualTo("42 s");
        assertThat(Durations.format(185_000)).isEqualTo("3 min 5 s");
        assertThat(Durations.format(3_720_000)).isEqualTo("1 h 2 min");
    }
}
