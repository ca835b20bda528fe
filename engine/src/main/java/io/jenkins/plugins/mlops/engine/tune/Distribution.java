package io.jenkins.plugins.mlops.engine.tune;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The values one parameter of a search space may take (Optuna's word). Every distribution maps its values onto an
 * internal number line (the log of the value for log ranges, the index for choices), which is where the samplers
 * draw, measure distances and model densities. Whole-number lines reach half a step beyond both ends, so that a
 * uniform draw rounded to the nearest value gives every value the same chance.
 */
public sealed interface Distribution extends Serializable {
    /** Whether {@code value} (as it comes back from run.json: any Number, String, Boolean) lies in this distribution. */
    boolean contains(Object value);

    /** {@code value} on the internal number line; only call it for values this distribution {@link #contains}. */
    double toInternal(Object value);

    /** The value at {@code internal} on the internal number line, snapped to a valid value. */
    Object fromInternal(double internal);

    /** The lowest point of the internal number line. */
    double internalLow();

    /** The highest point of the internal number line. */
    double internalHigh();

    /** At most about {@code points} values spread evenly over the internal number line, all of them for choices. */
    List<Object> grid(int points);

    /**
     * Whole numbers from {@code low} to {@code high} in steps of {@code step}; with {@code log}, sampled evenly in
     * log space (then {@code step} must be 1 and {@code low} at least 1).
     *
     * @param low  the smallest value
     * @param high the largest value (included when it is on the step)
     * @param step the distance between neighbouring values
     * @param log  whether to search in log space
     */
    record IntRange(long low, long high, long step, boolean log) implements Distribution {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean contains(final Object value) {
            return value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                    && number.longValue() >= low && number.longValue() <= high
                    && (number.longValue() - low) % step == 0;
        }

        @Override
        public double toInternal(final Object value) {
            double v = ((Number) value).doubleValue();
            return log ? Math.log(v) : v;
        }

        @Override
        public Object fromInternal(final double internal) {
            double v = log ? Math.exp(internal) : internal;
            long steps = Math.round((v - low) / step);
            long top = (high - low) / step;
            return low + Math.max(0, Math.min(top, steps)) * step;
        }

        @Override
        public double internalLow() {
            return log ? Math.log(low - 0.5) : low - step / 2.0;
        }

        @Override
        public double internalHigh() {
            return log ? Math.log(high + 0.5) : high + step / 2.0;
        }

        @Override
        public List<Object> grid(final int points) {
            long count = (high - low) / step + 1;
            if (count <= points && !log) {
                List<Object> all = new ArrayList<>();
                for (long v = low; v <= high; v += step) {
                    all.add(v);
                }
                return all;
            }
            return evenly(this, log ? Math.log(low) : low, log ? Math.log(high) : high, points).stream()
                    .distinct().toList();
        }
    }

    /**
     * Real numbers from {@code low} to {@code high}; with {@code log}, sampled evenly in log space ({@code low > 0}).
     *
     * @param low  the smallest value
     * @param high the largest value
     * @param log  whether to search in log space
     */
    record FloatRange(double low, double high, boolean log) implements Distribution {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean contains(final Object value) {
            return value instanceof Number number && number.doubleValue() >= low && number.doubleValue() <= high;
        }

        @Override
        public double toInternal(final Object value) {
            double v = ((Number) value).doubleValue();
            return log ? Math.log(v) : v;
        }

        @Override
        public Object fromInternal(final double internal) {
            double v = log ? Math.exp(internal) : internal;
            return Math.max(low, Math.min(high, v));
        }

        @Override
        public double internalLow() {
            return log ? Math.log(low) : low;
        }

        @Override
        public double internalHigh() {
            return log ? Math.log(high) : high;
        }

        @Override
        public List<Object> grid(final int points) {
            return evenly(this, internalLow(), internalHigh(), points);
        }
    }

    /**
     * One of a list of values (strings, numbers, booleans as YAML gives them).
     *
     * @param values the values, in the order the configuration lists them
     */
    record Choice(List<Object> values) implements Distribution {
        private static final long serialVersionUID = 1L;

        public Choice {
            values = List.copyOf(values);
        }

        /** The position of {@code value} in {@link #values()}, comparing numbers by value (run.json turns 32 into 32L). */
        public OptionalInt indexOf(final Object value) {
            for (int i = 0; i < values.size(); i++) {
                Object candidate = values.get(i);
                if (Objects.equals(candidate, value) || candidate instanceof Number a && value instanceof Number b
                        && Double.compare(a.doubleValue(), b.doubleValue()) == 0) {
                    return OptionalInt.of(i);
                }
            }
            return OptionalInt.empty();
        }

        @Override
        public boolean contains(final Object value) {
            return indexOf(value).isPresent();
        }

        @Override
        public double toInternal(final Object value) {
            return indexOf(value).orElseThrow();
        }

        @Override
        public Object fromInternal(final double internal) {
            return values.get((int) Math.max(0, Math.min(values.size() - 1, Math.round(internal))));
        }

        @Override
        public double internalLow() {
            return -0.5;
        }

        @Override
        public double internalHigh() {
            return values.size() - 0.5;
        }

        @Override
        public List<Object> grid(final int points) {
            return values;
        }
    }

    private static List<Object> evenly(final Distribution distribution, final double low, final double high,
            final int points) {
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double internal = points == 1 ? (low + high) / 2 : low + (high - low) * i / (points - 1);
            values.add(distribution.fromInternal(internal));
        }
        return values;
    }
}
