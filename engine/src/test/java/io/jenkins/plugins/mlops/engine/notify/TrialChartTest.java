package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class TrialChartTest {
    /** The chart is a PNG of the announced size. */
    @Test
    void shouldRenderAPng() throws IOException {
        byte[] png = TrialChart.render(ChainStateFixtures.fullState()).orElseThrow();

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image.getWidth()).isEqualTo(TrialChart.WIDTH);
        assertThat(image.getHeight()).isEqualTo(TrialChart.HEIGHT);
    }

    /** The best trial's point is drawn in green, so the chart shows data, not just axes. */
    @Test
    void shouldDrawTheBestTrial() throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(
                TrialChart.render(ChainStateFixtures.fullState()).orElseThrow()));

        boolean green = false;
        for (int x = 0; x < image.getWidth() && !green; x++) {
            for (int y = 0; y < image.getHeight() && !green; y++) {
                green = (image.getRGB(x, y) & 0xffffff) == 0x1a7f37;
            }
        }
        assertThat(green).isTrue();
    }

    /** Without any metric there is nothing to draw. */
    @Test
    void shouldRenderNothingWithoutMetrics() {
        ChainState state = ChainState.start("r").withTrial(TrialRecord.running(1, Map.of(), null, null, null, null)
                .finish(TrialState.FAILED, null, 10, null, "boom"));

        assertThat(TrialChart.render(state)).isEmpty();
    }
}
