package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * The gate's verdict for one metric.
 *
 * @param verdict   PASSED, BELOW_TARGET, NO_METRIC, INVALID or FAILED
 * @param metric    the metric name, e.g. {@code accuracy}
 * @param value     the value read (as a fraction for accuracy-like metrics), or {@code null}
 * @param target    the target the value was judged against
 * @param direction whether bigger or smaller is better
 * @param reason    one line saying why, for logs and mails
 */
public record GateResult(Verdict verdict, String metric, Double value, double target, Direction direction,
        String reason) implements Serializable {
    private static final long serialVersionUID = 1L;

    public GateResult {
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(direction, "direction");
    }
}
