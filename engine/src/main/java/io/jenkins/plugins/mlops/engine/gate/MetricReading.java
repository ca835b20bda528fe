package io.jenkins.plugins.mlops.engine.gate;

import io.jenkins.plugins.mlops.engine.util.PrintableText;
import java.io.Serializable;

/**
 * What {@link MetricReader} found.
 *
 * @param status whether a value was found, nothing was found, or something was found that is not a valid value
 * @param value  the value (a fraction for fraction metrics), or {@code null} unless {@link Status#FOUND}
 * @param source where it came from: {@code metrics.json}, the metric file name or {@code stdout}; {@code null} when
 *               nothing was found
 * @param detail how the value was read (e.g. "93% read as 0.93"), why it is invalid (with an excerpt of the content),
 *               or which places were searched
 */
public record MetricReading(Status status, Double value, String source, String detail) implements Serializable {
    private static final long serialVersionUID = 1L;

    public MetricReading {
        // The detail quotes what the training wrote; it is echoed on consoles, in logs, mails and the report.
        detail = PrintableText.of(detail);
    }

    /** The three outcomes of reading. */
    public enum Status {
        FOUND, MISSING, INVALID
    }

    static MetricReading found(final double value, final String source, final String detail) {
        return new MetricReading(Status.FOUND, value, source, detail);
    }

    static MetricReading invalid(final String source, final String detail) {
        return new MetricReading(Status.INVALID, null, source, detail);
    }

    static MetricReading missing(final String detail) {
        return new MetricReading(Status.MISSING, null, null, detail);
    }
}
