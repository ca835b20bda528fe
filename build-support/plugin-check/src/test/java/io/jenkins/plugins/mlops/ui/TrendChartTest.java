package io.jenkins.plugins.mlops.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trend draws axes, value labels and build numbers; one build still shows; many builds stay readable. */
class TrendChartTest {
    @Test
    void shouldLabelTheAxes() {
        TrendChart chart = new TrendChart(List.of(new MlopsTrendAction.Row(7, 0.81, 0.9, "BELOW_TARGET"),
                new MlopsTrendAction.Row(8, 0.93, 0.9, "PASSED")));

        assertThat(chart.isEmpty()).isFalse();
        assertThat(chart.buildTicks()).extracting(TrendChart.Mark::label).containsExactly("#7", "#8");
        assertThat(chart.valueTicks()).extracting(TrendChart.Mark::label).containsExactly("0.70", "0.80", "0.90",
                "1.00");
        double bottom = Double.parseDouble(chart.valueTicks().get(0).label());
        double top = Double.parseDouble(chart.valueTicks().get(3).label());
        assertThat(bottom).isLessThan(0.81);
        assertThat(top).isGreaterThan(0.93);
        assertThat(chart.metricDots()).extracting(TrendChart.Mark::label)
                .containsExactly("#7: 0.81 (target 0.90) BELOW_TARGET", "#8: 0.93 (target 0.90) PASSED");
    }

    /**
     * The value axis reads like an axis: round ticks a round step apart, from below the lowest value to above the
     * highest (they were the range split in four, labelled 0.49, 0.6175, 0.745, 0.8725, 1.00).
     */
    @Test
    void shouldPutTheValueTicksOnRoundNumbers() {
        List<MlopsTrendAction.Row> rows = new ArrayList<>();
        double[] best = {0.54, 0.61, 0.66, 0.72, 0.71, 0.83, 0.88, 0.91, 0.93, 0.92, 0.95};
        for (int i = 0; i < best.length; i++) {
            rows.add(new MlopsTrendAction.Row(40 + i, best[i], 0.9, null));
        }

        TrendChart chart = new TrendChart(rows);

        assertThat(chart.valueTicks()).extracting(TrendChart.Mark::label).containsExactly("0.40", "0.60", "0.80",
                "1.00");
        assertThat(chart.valueTicks().get(0).y()).isEqualTo(TrendChart.HEIGHT - TrendChart.BOTTOM);
        assertThat(chart.valueTicks().get(3).y()).isEqualTo(TrendChart.TOP);
        assertThat(TrendChart.roundStep(0.055)).isEqualTo(0.1);
        assertThat(TrendChart.roundStep(0.0021)).isEqualTo(0.0025);
        assertThat(TrendChart.roundStep(3)).isEqualTo(5);
    }

    /** Accuracies near 1 used to put the axis' top tick at 1.05, a value no accuracy can have. */
    @Test
    void shouldKeepAFractionsAxisWithinZeroAndOne() {
        List<MlopsTrendAction.Row> rows = List.of(new MlopsTrendAction.Row(1, 0.97, 0.95, null),
                new MlopsTrendAction.Row(2, 0.99, 0.95, null), new MlopsTrendAction.Row(3, 1.0, 0.95, null));

        List<TrendChart.Mark> ticks = new TrendChart(rows).valueTicks();

        assertThat(ticks.get(ticks.size() - 1).label()).isEqualTo("1.00");
        assertThat(ticks.get(ticks.size() - 1).y()).isEqualTo(TrendChart.TOP);
        assertThat(ticks).extracting(TrendChart.Mark::label).allSatisfy(label ->
                assertThat(Double.parseDouble(label)).isBetween(0.0, 1.0));
        List<MlopsTrendAction.Row> loss = List.of(new MlopsTrendAction.Row(1, 1.4, 0.5, null));
        assertThat(new TrendChart(loss).valueTicks()).extracting(TrendChart.Mark::label).contains("1.50");
    }

    /** A single build (a new Pipeline job) used to be an invisible one-point line: it is a dot and a target line. */
    @Test
    void shouldDrawASingleBuild() {
        TrendChart chart = new TrendChart(List.of(new MlopsTrendAction.Row(1, 0.5422222222222223, 0.9, null)));

        assertThat(chart.metricDots()).hasSize(1);
        assertThat(chart.targetLine().split(" ")).hasSize(2);
        assertThat(chart.metricDots().get(0).label()).isEqualTo("#1: 0.5422 (target 0.90)");
    }

    @Test
    void shouldSaySoWhenNothingWasMeasured() {
        assertThat(new TrendChart(List.of()).isEmpty()).isTrue();
        assertThat(new TrendChart(List.of(new MlopsTrendAction.Row(3, null, 0.9, "NO_METRIC"))).isEmpty()).isTrue();
    }

    @Test
    void shouldThinOutBuildNumbers() {
        List<MlopsTrendAction.Row> rows = new ArrayList<>();
        for (int build = 1; build <= 50; build++) {
            rows.add(new MlopsTrendAction.Row(build, 0.5 + build / 200.0, 0.9, null));
        }

        List<TrendChart.Mark> ticks = new TrendChart(rows).buildTicks();

        assertThat(ticks.size()).isLessThanOrEqualTo(11);
        assertThat(ticks.get(ticks.size() - 1).label()).isEqualTo("#50");
    }
}
