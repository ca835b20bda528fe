package io.jenkins.plugins.mlops.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Metric values written with two to four decimals. */
class MetricFormatTest {
    /** At least two decimals, at most four, rounded half up. */
    @Test
    void shouldWriteTwoToFourDecimals() {
        assertThat(MetricFormat.format(0.9)).isEqualTo("0.90");
        assertThat(MetricFormat.format(1.0)).isEqualTo("1.00");
        assertThat(MetricFormat.format(0.93125)).isEqualTo("0.9313");
        assertThat(MetricFormat.format(0.934)).isEqualTo("0.934");
        assertThat(MetricFormat.format(93.0)).isEqualTo("93.00");
    }

    /** A missing value is a dash, NaN stays visible. */
    @Test
    void shouldWriteMissingAndNan() {
        assertThat(MetricFormat.format((Double) null)).isEqualTo("-");
        assertThat(MetricFormat.format(Double.NaN)).isEqualTo("NaN");
    }
}
