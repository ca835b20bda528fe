package io.jenkins.plugins.mlops.ui;

import hudson.model.Action;
import hudson.model.Run;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project page's trend: the best metric of each recent build against its target, as a table and a chart drawn
 * in plain SVG (no JavaScript, so Jenkins' Content Security Policy does not get in the way). Jenkins asks for this
 * action on every view of the project page, so the builds are walked once per latest build (at most
 * {@value #MAX_SCANNED} of them, loading a build is disk work) and the rows are kept for the next view.
 */
public class MlopsTrendAction implements Action {
    static final int MAX_BUILDS = 50;
    static final int MAX_SCANNED = 200;
    private static final int CACHED_JOBS = 64;
    /** Rows per latest build (its folder names job and build); completed builds do not change their results. */
    private static final Map<String, List<Row>> CACHE = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(final Map.Entry<String, List<Row>> eldest) {
                    return size() > CACHED_JOBS;
                }
            });

    private final transient Run<?, ?> lastBuild;
    private transient TrendChart chart;

    public MlopsTrendAction(final Run<?, ?> lastBuild) {
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
        /** The best metric rounded as everywhere else, or "-". */
        public String bestText() {
            return MetricFormat.format(best);
        }

        /** The target rounded as everywhere else. */
        public String targetText() {
            return MetricFormat.format(target);
        }
    }

    /** The recent builds with MLOps results, oldest first. */
    public List<Row> getRows() {
        return CACHE.computeIfAbsent(lastBuild.getRootDir().getPath(), key -> walk(lastBuild));
    }

    /** The rows of at most {@value #MAX_BUILDS} builds with results among the last {@value #MAX_SCANNED}. */
    private static List<Row> walk(final Run<?, ?> last) {
        List<Row> rows = new ArrayList<>();
        int scanned = 0;
        for (Run<?, ?> r = last; r != null && rows.size() < MAX_BUILDS && scanned < MAX_SCANNED;
                r = r.getPreviousBuild()) {
            scanned++;
            MlopsRunAction action = r.getAction(MlopsRunAction.class);
            if (action != null) {
                rows.add(new Row(r.getNumber(), action.getBestMetric(), action.getTarget(), action.getVerdict()));
            }
        }
        Collections.reverse(rows);
        return List.copyOf(rows);
    }

    /** The chart of {@link #getRows()}, made once per page view. */
    TrendChart chart() {
        if (chart == null) {
            chart = new TrendChart(getRows());
        }
        return chart;
    }

    /** Whether there is nothing to draw yet. */
    public boolean isEmpty() {
        return chart().isEmpty();
    }

    public String getMetricLine() {
        return chart().metricLine();
    }

    public String getTargetLine() {
        return chart().targetLine();
    }

    public List<TrendChart.Mark> getMetricDots() {
        return chart().metricDots();
    }

    public List<TrendChart.Mark> getValueTicks() {
        return chart().valueTicks();
    }

    public List<TrendChart.Mark> getBuildTicks() {
        return chart().buildTicks();
    }

    public int getChartWidth() {
        return TrendChart.WIDTH;
    }

    public int getChartHeight() {
        return TrendChart.HEIGHT;
    }

    /** Where the plot area starts and ends, for the axes. */
    public int getPlotLeft() {
        return TrendChart.LEFT;
    }

    public int getPlotRight() {
        return TrendChart.WIDTH - TrendChart.RIGHT;
    }

    public int getPlotTop() {
        return TrendChart.TOP;
    }

    public int getPlotBottom() {
        return TrendChart.HEIGHT - TrendChart.BOTTOM;
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
