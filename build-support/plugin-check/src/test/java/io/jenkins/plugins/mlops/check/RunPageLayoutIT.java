package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.report.ReportRenderer;
import io.jenkins.plugins.mlops.engine.testing.HeadlessChromium;
import io.jenkins.plugins.mlops.engine.testing.ChainStates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MLOps run page laid out by real headless Chromium with the plugin's stylesheet, in a page that has the rule of
 * Jenkins' own stylesheet that broke it: Jenkins gives every {@code .row} the Bootstrap clearfix pseudo-elements
 * ({@code display: table}), which in the report's two-column grid took a cell each, so the chart sat in the narrow
 * column and the Best-trial card under it, offset to the left (seen with Jenkins 2.541.3's compiled stylesheet).
 */
class RunPageLayoutIT {
    private static final Path STYLESHEET = Path.of("../../plugin/src/main/webapp/css/report.css");
    private static final Pattern LAYOUT = Pattern.compile("data-layout=\"([^\"]*)\"");

    @TempDir
    private Path dir;

    /** Wide: the chart fills the wide column on the left, the Best-trial card stands beside it on the right. */
    @Test
    void shouldPutTheChartBesideTheBestTrial() throws IOException, InterruptedException {
        int[] box = measure(1280);

        assertThat(box[0]).as("chart's left edge from the report's").isZero();
        assertThat(box[1]).as("chart's top from the Best-trial card's").isZero();
        assertThat(box[2]).as("chart wider than the Best-trial card").isGreaterThan(box[3]);
        assertThat(box[4]).as("gap between chart and card").isPositive();
    }

    /** Narrow (Jenkins' side panel leaves too little room for two columns): one column, the card under the chart. */
    @Test
    void shouldStackThemWhenNarrow() throws IOException, InterruptedException {
        int[] box = measure(800);

        assertThat(box[0]).isZero();
        assertThat(box[1]).as("card below the chart").isNegative();
        assertThat(box[2]).as("both as wide as the report").isEqualTo(box[3]).isEqualTo(box[5]);
    }

    /**
     * Chart left from the report's left, chart top from the card's top, chart width, card width, card left from the
     * chart's right, report width; in a window {@code width} wide.
     */
    private int[] measure(final int width) throws IOException, InterruptedException {
        HeadlessChromium chromium = HeadlessChromium.findOrSkip(dir);
        String fragment = new ReportRenderer("MLOps - 7", null).renderFragment(ChainStates.passedStudy());
        Path page = dir.resolve("run.html");
        Files.writeString(page, """
                <!DOCTYPE html><html><head><meta charset="utf-8">
                <style>.row::before, .row::after { display: table; content: " "; } body { margin: 0; }
                #main-panel { width: calc(100%% - 360px); margin-left: 340px; }</style>
                <link rel="stylesheet" href="%s"></head>
                <body><div id="main-panel">%s</div>
                <script>
                  const box = s => document.querySelector(s).getBoundingClientRect();
                  const report = box('.mlops-report'), chart = box('.mlops-report .chart-card');
                  const side = box('.mlops-report aside.side');
                  document.body.setAttribute('data-layout', [chart.left - report.left, chart.top - side.top,
                      chart.width, side.width, side.left - chart.right, report.width].map(Math.round).join(' '));
                </script></body></html>
                """.formatted(STYLESHEET.toAbsolutePath().normalize().toUri(), fragment), StandardCharsets.UTF_8);
        Matcher layout = LAYOUT.matcher(chromium.dumpDom(page, width, 1400));
        assertThat(layout.find()).as("the page measured its layout").isTrue();
        return Arrays.stream(layout.group(1).split(" ")).mapToInt(Integer::parseInt).toArray();
    }
}
