package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.HtmlEscaper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.stream.Collectors;

/** How numbers, durations and trial changes read in mails: the same in subject, text, HTML and chart. */
final class Formats {
    private static final int MAX_CHANGE_LENGTH = 80;

    private Formats() {
    }

    /** A metric with at most 4 significant digits and no trailing zeros: {@code 0.9312}, {@code 0.9}. */
    static String metric(final Double value) {
        if (value == null) {
            return "n/a";
        }
        if (value.isNaN() || value.isInfinite()) {
            return value.toString();
        }
        return new BigDecimal(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /** {@code 850 ms}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 1 h 02 min}. */
    static String duration(final long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    /** {@code ≥} when bigger is better, {@code ≤} when smaller is. */
    static String meets(final Direction direction) {
        return direction == Direction.MAXIMIZE ? "≥" : "≤";
    }

    /** One short line saying what the trial changed: its change line, else its params, else "baseline". */
    static String change(final TrialRecord trial) {
        String change;
        if (trial.change() != null && !trial.change().isBlank()) {
            change = trial.change().strip().replaceAll("\\s+", " ");
        }
        else if (!trial.params().isEmpty()) {
            change = trial.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(", "));
        }
        else {
            change = trial.number() == 1 ? "baseline" : "-";
        }
        return change.length() <= MAX_CHANGE_LENGTH ? change : change.substring(0, MAX_CHANGE_LENGTH - 1) + "…";
    }

    /** {@code text} safe inside HTML text and double-quoted attributes. */
    static String html(final String text) {
        return HtmlEscaper.escape(text);
    }
}
