package io.jenkins.plugins.mlops.engine.util;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes metric values the same way in logs, mails, the build's MLOps page and the report: 0.9 as "0.90", 0.93125 as
 * "0.9313".
 */
public final class MetricFormat {
    private MetricFormat() {
    }

    /** At most four decimals, at least two, without trailing zeros beyond the second. */
    public static String format(final double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return rounded.scale() < 2 ? rounded.setScale(2, RoundingMode.UNNECESSARY).toPlainString()
                : rounded.toPlainString();
    }

    /** {@link #format(double)}, or "-" for {@code null}. */
    public static String format(final Double value) {
        return value == null ? "-" : format(value.doubleValue());
    }
}
