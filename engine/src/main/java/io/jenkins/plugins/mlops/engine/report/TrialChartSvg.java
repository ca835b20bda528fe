package io.jenkins.plugins.mlops.engine.report;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import java.util.List;

/**
 * The metric of every trial against the target: one point per trial with a metric (the best one ringed), a line
 * through them in trial order, the target as a dashed line over the side of it that meets the target, and a cross
 * on the axis for trials that gave no metric.
 */
final class TrialChartSvg {
    static final int WIDTH = 720;
    static final int HEIGHT = 300;
    private static final int LEFT = 60;
    private static final int RIGHT = 24;
    private static final int TOP = 22;
    private static final int BOTTOM = 46;
    private static final int TICKS = 5;
    private static final String GRID = "#d8dee4";

    private final ChainState state;
    private final Objective objective;
    private final List<TrialRecord> trials;
    private final double step;
    private final double low;
    private final double high;

    private TrialChartSvg(final ChainState state) {
        this.state = state;
        this.objective = state.objective();
        this.trials = state.trials();
        double min = objective.target();
        double max = objective.target();
        for (TrialRecord trial : trials) {
            if (trial.metric() != null) {
                min = Math.min(min, trial.metric());
                max = Math.max(max, trial.metric());
            }
        }
        this.step = niceStep(Math.max(max - min, Math.abs(max) * 0.05 + 1e-9) / (TICKS - 1));
        double floor = Math.floor(min / step - 0.3) * step;
        // Metrics are never negative (the gate rejects them), so the axis need not go below 0.
        this.low = min >= 0 ? Math.max(0, floor) : floor;
        this.high = Math.ceil(max / step + 0.3) * step;
    }

    static String render(final ChainState state) {
        return new TrialChartSvg(state).draw();
    }

    private String draw() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(objective.metric())
                .append(" per trial against the target\" ").append(Svg.FONT).append(">");
        appendTargetArea(svg);
        appendGrid(svg);
        appendTarget(svg);
        if (trials.isEmpty()) {
            svg.append(Svg.text(LEFT + plotWidth() / 2.0, TOP + plotHeight() / 2.0, "text-anchor=\"middle\" "
                    + "font-size=\"14\" fill=\"" + Svg.MUTED_COLOUR + "\"", "no trials yet"));
        }
        appendLine(svg);
        appendPoints(svg);
        svg.append(Svg.text(LEFT + plotWidth() / 2.0, HEIGHT - 8, "text-anchor=\"middle\" font-size=\"12\" fill=\""
                + Svg.MUTED_COLOUR + "\"", "trial"));
        svg.append(Svg.text(14, TOP + plotHeight() / 2.0, "text-anchor=\"middle\" font-size=\"12\" fill=\""
                + Svg.MUTED_COLOUR + "\" transform=\"rotate(-90 14 " + Svg.n(TOP + plotHeight() / 2.0) + ")\"",
                objective.metric()));
        return svg.append("</svg>").toString();
    }

    private void appendTargetArea(final StringBuilder svg) {
        double target = y(objective.target());
        double top = objective.direction() == Direction.MAXIMIZE ? TOP : target;
        double height = objective.direction() == Direction.MAXIMIZE ? target - TOP : TOP + plotHeight() - target;
        svg.append("<rect class=\"target-area\" x=\"").append(LEFT).append("\" y=\"").append(Svg.n(top))
                .append("\" width=\"").append(plotWidth()).append("\" height=\"").append(Svg.n(Math.max(0, height)))
                .append("\" fill=\"#e8f5ec\"/>");
    }

    private void appendGrid(final StringBuilder svg) {
        long lines = Math.round((high - low) / step);
        for (long i = 0; i <= lines; i++) {
            double value = low + i * step;
            double y = y(value);
            svg.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(Svg.n(y)).append("\" x2=\"")
                    .append(LEFT + plotWidth()).append("\" y2=\"").append(Svg.n(y)).append("\" stroke=\"").append(GRID)
                    .append("\"/>");
            svg.append(Svg.text(LEFT - 8, y + 4, "text-anchor=\"end\" font-size=\"11\" fill=\"" + Svg.MUTED_COLOUR
                    + "\"", MetricFormat.format(value)));
        }
        for (int i = 0; i < trials.size(); i++) {
            svg.append(Svg.text(x(i), TOP + plotHeight() + 18, "text-anchor=\"middle\" font-size=\"11\" fill=\""
                    + Svg.MUTED_COLOUR + "\"", "#" + trials.get(i).number()));
        }
    }

    private void appendTarget(final StringBuilder svg) {
        double y = y(objective.target());
        svg.append("<line class=\"target-line\" data-target=\"").append(objective.target()).append("\" x1=\"").append(LEFT)
                .append("\" y1=\"").append(Svg.n(y)).append("\" x2=\"").append(LEFT + plotWidth()).append("\" y2=\"")
                .append(Svg.n(y)).append("\" stroke=\"#1f8b4c\" stroke-width=\"2\" stroke-dasharray=\"7 5\"/>");
        // Left-aligned: the last trials, usually the best ones, sit at the right end of the line.
        svg.append(Svg.text(LEFT + 6, y - 6, "font-size=\"12\" font-weight=\"600\" "
                + "fill=\"#1f8b4c\"", "target " + (objective.direction() == Direction.MAXIMIZE ? "\u2265 " : "\u2264 ")
                + MetricFormat.format(objective.target())));
    }

    private void appendLine(final StringBuilder svg) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < trials.size(); i++) {
            if (trials.get(i).metric() != null) {
                points.append(Svg.n(x(i))).append(',').append(Svg.n(y(trials.get(i).metric()))).append(' ');
            }
        }
        if (!points.isEmpty()) {
            svg.append("<polyline points=\"").append(points.toString().strip()).append("\" fill=\"none\" "
                    + "stroke=\"#2670c7\" stroke-width=\"2.5\" stroke-linejoin=\"round\"/>");
        }
    }

    private void appendPoints(final StringBuilder svg) {
        Integer best = state.best().map(TrialRecord::number).orElse(null);
        for (int i = 0; i < trials.size(); i++) {
            TrialRecord trial = trials.get(i);
            double x = x(i);
            if (trial.metric() == null) {
                double y = TOP + plotHeight() - 8;
                svg.append("<g class=\"trial-missing\" data-trial=\"").append(trial.number()).append("\"><title>trial ")
                        .append(trial.number()).append(": no metric (").append(trial.state()).append(")</title>")
                        .append("<path d=\"M").append(Svg.n(x - 5)).append(',').append(Svg.n(y - 5)).append(" L")
                        .append(Svg.n(x + 5)).append(',').append(Svg.n(y + 5)).append(" M").append(Svg.n(x + 5))
                        .append(',').append(Svg.n(y - 5)).append(" L").append(Svg.n(x - 5)).append(',')
                        .append(Svg.n(y + 5)).append("\" stroke=\"#c9302c\" stroke-width=\"2.5\"/></g>");
                continue;
            }
            double y = y(trial.metric());
            boolean winner = best != null && best == trial.number();
            Palette palette = objective.isMet(trial.metric()) ? Palette.SUCCESS : Palette.UNSTABLE;
            if (winner) {
                svg.append("<circle class=\"winner-ring\" cx=\"").append(Svg.n(x)).append("\" cy=\"")
                        .append(Svg.n(y)).append("\" r=\"11\" fill=\"none\" stroke=\"").append(palette.stroke())
                        .append("\" stroke-width=\"2\"/>");
            }
            svg.append("<circle class=\"trial-point\" data-trial=\"").append(trial.number()).append("\" cx=\"")
                    .append(Svg.n(x)).append("\" cy=\"").append(Svg.n(y)).append("\" r=\"6\" fill=\"")
                    .append(palette.stroke()).append("\" stroke=\"#ffffff\" stroke-width=\"1.5\"><title>trial ")
                    .append(trial.number()).append(": ").append(MetricFormat.format(trial.metric()))
                    .append("</title></circle>");
            svg.append(Svg.text(x, y - (winner ? 17 : 12), "text-anchor=\"middle\" font-size=\"11.5\" "
                    + (winner ? "font-weight=\"700\" " : "") + "fill=\"" + Svg.TEXT_COLOUR + "\"",
                    MetricFormat.format(trial.metric())));
        }
    }

    private double x(final int index) {
        double band = plotWidth() / (double) Math.max(1, trials.size());
        return LEFT + band * (index + 0.5);
    }

    private double y(final double value) {
        return TOP + plotHeight() * (high - value) / (high - low);
    }

    private static int plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    private static int plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    private static double niceStep(final double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= raw) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
