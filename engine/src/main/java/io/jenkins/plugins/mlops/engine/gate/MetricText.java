package io.jenkins.plugins.mlops.engine.gate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the metric's value in free text: a line naming it ({@code accuracy: 0.93}, {@code accuracy=0.93},
 * {@code Test accuracy = 93%}, {@code MLOPS_METRIC accuracy=0.93}; the last such line counts), or else the whole text
 * as one value ({@code 0.93}, {@code [0.81, 0.88, 0.93]}).
 */
final class MetricText {
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final int EXCERPT_LENGTH = 60;

    private MetricText() {
    }

    /** The value of {@code metric} in {@code text}, as written. */
    static MetricValues.Written find(final String text, final String metric) throws InvalidMetricException {
        String content = withoutByteOrderMark(text);
        if (content.isBlank()) {
            throw new InvalidMetricException("it is empty");
        }
        List<String> named = namedValues(content, metric);
        if (named.isEmpty()) {
            return MetricValues.parse(content);
        }
        MetricValues.Written last = MetricValues.parse(named.get(named.size() - 1));
        if (named.size() == 1) {
            return last;
        }
        return new MetricValues.Written(last.number(), last.percent(), join(last.note(),
                named.size() + " lines name " + metric + "; the last one counts"));
    }

    /** The first characters of {@code text} on one line, quoted, for messages. */
    static String excerpt(final String text) {
        String content = withoutByteOrderMark(text);
        String shortened = content.length() > EXCERPT_LENGTH ? content.substring(0, EXCERPT_LENGTH) + "..." : content;
        return "\"" + shortened.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t") + "\"";
    }

    private static List<String> namedValues(final String content, final String metric) {
        // The name must stand alone: "val_accuracy: 0.8" is not "accuracy", and "accuracy" in prose has no ':' or '='.
        Pattern line = Pattern.compile("(?:^|.*[^\\w])" + Pattern.quote(metric) + "\\s*[:=]\\s*(.*)",
                Pattern.CASE_INSENSITIVE);
        List<String> values = new ArrayList<>();
        for (String each : LINE_BREAK.split(content)) {
            Matcher matcher = line.matcher(each.strip());
            if (matcher.matches()) {
                values.add(matcher.group(1));
            }
        }
        return values;
    }

    private static String withoutByteOrderMark(final String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String join(final String first, final String second) {
        return first.isEmpty() ? second : first + "; " + second;
    }
}
