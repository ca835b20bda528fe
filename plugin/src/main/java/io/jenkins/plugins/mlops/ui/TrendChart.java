package io.jenkins.plugins.mlops.ui;

import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The geometry of the project trend: the best metric of each build (dots joined by a line, so one build shows too)
 * and its target (dashed), a value axis with labelled ticks and the build numbers along the bottom. Plain SVG
 * numbers, so the page needs no JavaScript (Jenkins' Content Security Policy).
 */
public final class TrendChart {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    static final int LEFT = 52;
    static final int RIGHT = 16;
    static final int TOP = 12;
    static final int BOTTOM = 40;
    private static final int VALUE_TICKS = 4;
    private static final int MAX_BUILD_LABELS = 10;
    private static final double MARGIN = 0.05;

    private final List<MlopsTrendAction.Row> rows;
    private final double step;
    private final double low;
    private final double high;

    /**
     * A position on the chart with its label.
     *
     * @param x     horizontal position
     * @param y     vertical position
     * @param label what the position shows: a value, a build number or a tooltip
     */
    public record Mark(double x, double y, String label) {
        /** {@code x} as SVG wants it. */
        public String getX() {
            return number(x);
        }

        /** {@code y} as SVG wants it. */
        public String getY() {
            return number(y);
        }

        public String getLabel() {
            return label;
        }
    }

    TrendChart(final List<MlopsTrendAction.Row> rows) {
        this.rows = List.copyOf(rows);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (MlopsTrendAction.Row row : rows) {
            min = Math.min(min, row.target());
            max = Math.max(max, row.target());
            if (row.best() != null) {
                min = Math.min(min, row.best());
                max = Math.max(max, row.best());
            }
        }
        if (rows.isEmpty()) {
            min = 0;
            max = 1;
        }
        // A little room above and below, so dots on the edge stay visible; a flat trend still gets a range. The axis
        // then ends on round ticks (0.2, 0.25, 0.5 apart...), so that its labels read like an axis, not 0.8725.
        double room = Math.max((max - min) * MARGIN * 2, MARGIN);
        this.step = roundStep((max - min + 2 * room) / VALUE_TICKS);
        // A metric that is a fraction (accuracy, F1) cannot pass 1 or go below 0: an axis up to 1.05 would read as
        // if it could.
        boolean fraction = min >= 0 && max <= 1;
        double below = Math.floor((min - room) / step) * step;
        double above = Math.ceil((max + room) / step) * step;
        this.low = fraction ? Math.max(0, below) : below;
        this.high = fraction ? Math.min(1, above) : above;
    }

    /** The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least {@code raw}. */
    static double roundStep(final double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 2.5, 5}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }

    /** Whether no build has a best metric yet (the page then says so instead of drawing an empty frame). */
    boolean isEmpty() {
        return rows.stream().allMatch(row -> row.best() == null);
    }

    /** One dot per build with a metric; its label is the tooltip. */
    List<Mark> metricDots() {
        List<Mark> dots = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            MlopsTrendAction.Row row = rows.get(i);
            if (row.best() != null) {
                dots.add(new Mark(x(i), y(row.best()), "#" + row.build() + ": " + MetricFormat.format(row.best())
                        + " (target " + MetricFormat.format(row.target()) + ")"
                        + (row.verdict() == null ? "" : " " + row.verdict())));
            }
        }
        return dots;
    }

    /** The polyline points of the best metric. */
    String metricLine() {
        StringBuilder points = new StringBuilder();
        for (Mark dot : metricDots()) {
            points.append(dot.getX()).append(',').append(dot.getY()).append(' ');
        }
        return points.toString().trim();
    }

    /** The polyline points of the target, across the whole width when there is one build. */
    String targetLine() {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            double y = y(rows.get(i).target());
            if (rows.size() == 1) {
                points.append(number(LEFT)).append(',').append(number(y)).append(' ');
                points.append(number(WIDTH - RIGHT)).append(',').append(number(y));
            }
            else {
                points.append(number(x(i))).append(',').append(number(y)).append(' ');
            }
        }
        return points.toString().trim();
    }

    /** The value axis' ticks, bottom to top, one per round step, labelled with the metric value. */
    List<Mark> valueTicks() {
        List<Mark> ticks = new ArrayList<>();
        long count = Math.round((high - low) / step);
        for (long i = 0; i <= count; i++) {
            double value = low + i * step;
            ticks.add(new Mark(LEFT, y(value), MetricFormat.format(value)));
        }
        return ticks;
    }

    /** Build numbers along the bottom: all of them, or every n-th (and the last) when there are many. */
    List<Mark> buildTicks() {
        List<Mark> ticks = new ArrayList<>();
        int step = Math.max(1, (int) Math.ceil(rows.size() / (double) MAX_BUILD_LABELS));
        for (int i = 0; i < rows.size(); i++) {
            if (i % step == 0 || i == rows.size() - 1) {
                ticks.add(new Mark(x(i), HEIGHT - BOTTOM, "#" + rows.get(i).build()));
            }
        }
        return ticks;
    }

    private double x(final int index) {
        double width = WIDTH - LEFT - RIGHT;
        return rows.size() == 1 ? LEFT + width / 2 : LEFT + index * width / (rows.size() - 1);
    }

    private double y(final double value) {
        double height = HEIGHT - TOP - BOTTOM;
        return TOP + (high - value) / (high - low) * height;
    }

    private static String number(final double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
