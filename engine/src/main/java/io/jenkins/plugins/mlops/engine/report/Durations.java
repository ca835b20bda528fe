package io.jenkins.plugins.mlops.engine.report;

/** Durations as Jenkins shows them: "40 ms", "1.3 s", "42 s", "3 min 5 s", "1 h 2 min". */
final class Durations {
    private Durations() {
    }

    static String format(final long millis) {
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = millis / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        if (minutes < 60) {
            return minutes + " min " + seconds % 60 + " s";
        }
        return minutes / 60 + " h " + minutes % 60 + " min";
    }
}
