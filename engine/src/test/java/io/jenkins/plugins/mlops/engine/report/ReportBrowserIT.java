package io.jenkins.plugins.mlops.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.testing.HeadlessChromium;
import io.jenkins.plugins.mlops.engine.testing.ChainStates;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report of a realistic run, opened in real headless Chromium: it draws something and has the expected parts. */
class ReportBrowserIT {
    /** Kept in target/ so that a person (or the README) can look at it. */
    private static final Path OUT = Path.of("target", "report-browser");

    private static HeadlessChromium chromium;
    private static Path page;

    @BeforeAll
    static void renderPage() throws IOException {
        Files.createDirectories(OUT);
        chromium = HeadlessChromium.findOrSkip(OUT);
        page = OUT.resolve("report.html");
        Files.writeString(page, new ReportRenderer().render(ChainStates.passedStudy()), StandardCharsets.UTF_8);
    }

    /** The screenshot is not blank: many pixels are not white, in many colours, including the status colours. */
    @Test
    void shouldDrawAVisibleColourfulPage() throws IOException, InterruptedException {
        Path png = chromium.screenshot(page, OUT.resolve("report.png"), 1280, 1000);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        int total = image.getWidth() * image.getHeight();
        int nonWhite = 0;
        int green = 0;
        int yellow = 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                colours.add(rgb);
                nonWhite += rgb == 0xFFFFFF ? 0 : 1;
                green += near(rgb, 0x1F8B4C) ? 1 : 0;
                yellow += near(rgb, 0xD39E00) ? 1 : 0;
            }
        }
        assertThat(nonWhite).as("non-white pixels").isGreaterThan(total / 10);
        assertThat(colours).as("distinct colours").hasSizeGreaterThan(200);
        assertThat(green).as("success-green pixels").isGreaterThan(500);
        assertThat(yellow).as("unstable-yellow pixels (the notify step)").isGreaterThan(100);
    }

    /** A study that stopped early draws the steps that did not run grey and the failed training red. */
    @Test
    void shouldDrawStepsThatDidNotRunGreyAndFailuresRed() throws IOException, InterruptedException {
        Path below = OUT.resolve("report-below-target.html");
        Files.writeString(below, new ReportRenderer().render(ChainStates.belowTargetStudy()), StandardCharsets.UTF_8);

        BufferedImage image = ImageIO.read(chromium.screenshot(below, OUT.resolve("report-below-target.png"), 1280,
                1000).toFile());

        assertThat(countNear(image, 0x8C959F)).as("not-run grey pixels").isGreaterThan(300);
        assertThat(countNear(image, 0xC9302C)).as("failed red pixels").isGreaterThan(300);
    }

    /**
     * Under Jenkins' policy for archived files ({@code default-src 'none'; img-src 'self'; style-src 'self'}) the
     * inline stylesheet is blocked, but the pipeline and chart keep their colours (SVG attributes, not CSS).
     */
    @Test
    void shouldKeepTheDrawingsColouredWhenInlineStylesAreBlocked() throws IOException, InterruptedException {
        String html = new ReportRenderer().render(ChainStates.passedStudy());
        String strict = html.replace("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"",
                "content=\"default-src 'none'; img-src 'self'; style-src 'self'\"");
        assertThat(strict).isNotEqualTo(html);
        Path page = OUT.resolve("report-strict-csp.html");
        Files.writeString(page, strict, StandardCharsets.UTF_8);

        BufferedImage image = ImageIO.read(chromium.screenshot(page, OUT.resolve("report-strict-csp.png"), 1280,
                1000).toFile());

        assertThat(countNear(image, 0x1F8B4C)).as("success-green pixels without the stylesheet").isGreaterThan(500);
        assertThat(countNear(image, 0xD39E00)).as("unstable-yellow pixels without the stylesheet").isGreaterThan(100);
    }

    /** The parsed DOM has the seven step boxes, the loop, a point per measured trial, the target and the table. */
    @Test
    void shouldHaveTheExpectedElementsInTheDom() throws IOException, InterruptedException {
        String dom = chromium.dumpDom(page);

        assertThat(count(dom, "<g class=\"step\" data-step=\"")).isEqualTo(7);
        assertThat(dom).contains("data-step=\"FETCH\"", "data-step=\"PUBLISH\"", "data-state=\"UNSTABLE\"")
                .contains("<g class=\"loop\" data-trials=\"5\">");
        assertThat(count(dom, "class=\"trial-point\"")).isEqualTo(4);
        assertThat(count(dom, "class=\"trial-missing\"")).isEqualTo(1);
        assertThat(dom).contains("class=\"target-line\" data-target=\"0.9\"");
        assertThat(count(dom, "<tr class=\"trial")).isEqualTo(5);
        assertThat(dom).contains("<tr class=\"trial winner\" data-trial=\"5\">").contains("model-5-0.93");
        assertThat(dom).doesNotContain("<script").contains("&lt;script&gt;alert('x')&lt;/script&gt;");
    }

    private static int countNear(final BufferedImage image, final int expected) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                count += near(image.getRGB(x, y) & 0xFFFFFF, expected) ? 1 : 0;
            }
        }
        return count;
    }

    private static boolean near(final int rgb, final int expected) {
        return Math.abs((rgb >> 16 & 0xFF) - (expected >> 16 & 0xFF)) < 12
                && Math.abs((rgb >> 8 & 0xFF) - (expected >> 8 & 0xFF)) < 12
                && Math.abs((rgb & 0xFF) - (expected & 0xFF)) < 12;
    }

    private static int count(final String text, final String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
