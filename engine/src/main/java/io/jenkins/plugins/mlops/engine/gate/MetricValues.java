package io.jenkins.plugins.mlops.engine.gate;

import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one written value into a number: {@code 0.93}, {@code 93}, {@code 93.0}, {@code 93%}, {@code 95.} (numpy),
 * {@code np.float64(0.93)}, {@code tensor(0.9300)}, {@code '0.93'}, and per-epoch lists {@code [0.81, 0.88, 0.93]}
 * (the last value counts). Then applies the percentage rule documented in {@code doc/metrics.md}: for a fraction
 * metric (see {@link GateSpec#isFraction()}) a value with {@code %}, or above 1 and at most 100, is a percentage and
 * divided by 100; negative values, NaN, infinity and fraction values above 100 are invalid.
 */
final class MetricValues {
    private static final Pattern NUMBER = Pattern.compile(
            "[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern PERCENT = Pattern.compile("(" + NUMBER.pattern() + ")\\s*%");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[-+]?(?:nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    /** Scalars as numpy, PyTorch and TensorFlow print them; only the first argument is the value. */
    private static final Pattern WRAPPED = Pattern.compile(
            "(?:(?:np|numpy)\\.(?:float16|float32|float64|float_|double|longdouble)|float|torch\\.tensor|tensor"
                    + "|tf\\.Tensor)\\((.*)\\)", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LIST = Pattern.compile("[\\[(](.*)[\\])]", Pattern.DOTALL);
    private static final Pattern QUOTED = Pattern.compile("(['\"])(.*)\\1", Pattern.DOTALL);
    /** Values from here up to 100 without {@code %} are percentages of a fraction metric; below, they are invalid. */
    private static final double MIN_BARE_PERCENT = 2;
    private static final Pattern ANY_NUMBER = Pattern.compile(NUMBER.pattern() + "%?");

    private MetricValues() {
    }

    /** A value as written, before the percentage rule. */
    record Written(double number, boolean percent, String note) {
    }

    /** Parses {@code text} (one value or a list) without judging its range. */
    static Written parse(final String text) throws InvalidMetricException {
        String value = text.strip();
        if (value.isEmpty()) {
            throw new InvalidMetricException("it is empty");
        }
        Matcher quoted = QUOTED.matcher(value);
        if (quoted.matches()) {
            return parse(quoted.group(2));
        }
        Matcher wrapped = WRAPPED.matcher(value);
        if (wrapped.matches()) {
            return parse(firstArgument(wrapped.group(1)));
        }
        Matcher list = LIST.matcher(value);
        if (list.matches()) {
            return lastOf(list.group(1));
        }
        if (NUMBER.matcher(value).matches()) {
            return new Written(Double.parseDouble(value), false, "");
        }
        Matcher percent = PERCENT.matcher(value);
        if (percent.matches()) {
            return new Written(Double.parseDouble(percent.group(1)), true, "");
        }
        if (NOT_A_NUMBER.matcher(value).matches()) {
            throw new InvalidMetricException("'" + value
                    + "' is not a number (training diverged or evaluated nothing)");
        }
        if (countNumbers(value) > 1) {
            throw new InvalidMetricException("it holds several numbers and it is not clear which one is the metric;"
                    + " write one value, a list [..] of per-epoch values, or a line 'name: value'");
        }
        throw new InvalidMetricException("'" + value + "' is not a number");
    }

    /** {@code written} as the metric's value, applying the percentage rule; the note says how it was read. */
    static Written normalise(final Written written, final String metric, final boolean fraction)
            throws InvalidMetricException {
        double number = written.number();
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new InvalidMetricException(number + " is not a number (training diverged or evaluated nothing)");
        }
        if (number < 0) {
            throw new InvalidMetricException(MetricFormat.format(number) + " is negative; " + metric
                    + " cannot be below 0");
        }
        if (!fraction) {
            if (written.percent()) {
                throw new InvalidMetricException(metric + " is not a fraction, so a percentage cannot be read as it;"
                        + " write the plain value");
            }
            return written;
        }
        if (number > 100) {
            throw new InvalidMetricException(MetricFormat.format(number) + " is above 100; " + metric
                    + " is a fraction (0..1) or a percentage (0..100)");
        }
        if (!written.percent() && number > 1 && number < MIN_BARE_PERCENT) {
            // 1.0000001 is a fraction a rounding error pushed over 1, not a percentage of about 1.
            throw new InvalidMetricException(MetricFormat.format(number) + " is above 1, so it is no fraction, and "
                    + "too small to be meant as a percentage; write a fraction (0..1), or a percentage with %");
        }
        if (written.percent() || number > 1) {
            double asFraction = number / 100;
            String how = written.percent() ? "with %" : "above 1";
            return new Written(asFraction, false, join(written.note(), MetricFormat.format(number) + " (" + how
                    + ") read as a percentage: " + MetricFormat.format(asFraction)));
        }
        return written;
    }

    private static Written lastOf(final String items) throws InvalidMetricException {
        List<String> parts = splitTopLevel(items);
        if (parts.isEmpty()) {
            throw new InvalidMetricException("the list is empty");
        }
        Written last = parse(parts.get(parts.size() - 1));
        if (parts.size() == 1) {
            return last;
        }
        return new Written(last.number(), last.percent(), join(last.note(), "a list of " + parts.size()
                + " values (per epoch); the last one counts"));
    }

    /** Splits on commas (or whitespace when there is no comma) outside parentheses, for {@code [np.float64(1), ..]}. */
    private static List<String> splitTopLevel(final String items) {
        boolean commas = items.indexOf(',') >= 0;
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (char c : items.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            boolean separator = depth == 0 && (commas ? c == ',' : Character.isWhitespace(c));
            if (separator) {
                addIfNotBlank(parts, current);
                current.setLength(0);
            }
            else {
                current.append(c);
            }
        }
        addIfNotBlank(parts, current);
        return parts;
    }

    private static void addIfNotBlank(final List<String> parts, final CharSequence part) {
        if (!part.toString().isBlank()) {
            parts.add(part.toString().strip());
        }
    }

    private static String firstArgument(final String arguments) {
        int comma = arguments.indexOf(',');
        return comma < 0 ? arguments : arguments.substring(0, comma);
    }

    private static int countNumbers(final String value) {
        Matcher matcher = ANY_NUMBER.matcher(value.toLowerCase(Locale.ROOT));
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    private static String join(final String first, final String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }
}
