package io.jenkins.plugins.mlops;

import hudson.model.Action;
import hudson.model.Run;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The project page's trend: the best metric of each recent build against its target, as a table and a chart drawn
 * in plain SVG (no JavaScript, so Jenkins' Content Security Policy does not get in the way).
 */
public class MlopsTrendAction implements Action {
    static final int MAX_BUILDS = 50;
    private static final int CHART_WIDTH = 600;
    private static final int CHART_HEIGHT = 160;

    private final transient Run<?, ?> lastBuild;

    MlopsTrendAction(final Run<?, ?> lastBuild) {
        this.lastBuild = lastBuild;
    }

    /**
     * One build in the trend.
     *
     * @param build   the build number
     * @param best    the best metric of the build, or {@code null}
     * @param target  the target the build aimed at
     * @param verdict the gate's verdict, or {@code null}
     */
    public record Row(int build, Double best, double target, String verdict) {
    }

    /** The recent builds with MLOps results, oldest first. */
    public List<Row> getRows() {
        List<Row> rows = new ArrayList<>();
        for (Run<?, ?> r = lastBuild; r != null && rows.size() < MAX_BUILDS; r = r.getPreviousBuild()) {
            MlopsRunAction action = r.getAction(MlopsRunAction.class);
            if (action != null) {
                rows.add(new Row(r.getNumber(), action.getBestMetric(), action.getTarget(), action.getVerdict()));
            }
        }
        Collections.reverse(rows);
        return rows;
    }

    /** The SVG polyline points of the best metric per build, scaled to the chart (y grows downwards). */
    public String getMetricPoints() {
        return points(getRows(), false);
    }

    /** The SVG polyline points of the target per build. */
    public String getTargetPoints() {
        return points(getRows(), true);
    }

    public int getChartWidth() {
        return CHART_WIDTH;
    }

    public int getChartHeight() {
        return CHART_HEIGHT;
    }

    static String points(final List<Row> rows, final boolean target) {
        double max = rows.stream().mapToDouble(r -> Math.max(r.target(), r.best() == null ? 0 : r.best()))
                .max().orElse(1);
        double scale = max <= 0 ? 1 : max;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            Double value = target ? Double.valueOf(rows.get(i).target()) : rows.get(i).best();
            if (value == null) {
                continue;
            }
            double x = rows.size() == 1 ? CHART_WIDTH / 2.0 : i * (double) CHART_WIDTH / (rows.size() - 1);
            double y = CHART_HEIGHT - value / scale * CHART_HEIGHT;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "MLOps trend";
    }

    @Override
    public String getUrlName() {
        return "mlops-trend";
    }
}
