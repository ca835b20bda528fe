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
        assertThat(chart.valueTicks()).hasSize(5);
        double bottom = Double.parseDouble(chart.valueTicks().get(0).label());
        double top = Double.parseDouble(chart.valueTicks().get(4).label());
        assertThat(bottom).isLessThan(0.81);
        assertThat(top).isGreaterThan(0.93);
        assertThat(chart.metricDots()).extracting(TrendChart.Mark::label)
                .containsExactly("#7: 0.81 (target 0.90) BELOW_TARGET", "#8: 0.93 (target 0.90) PASSED");
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
