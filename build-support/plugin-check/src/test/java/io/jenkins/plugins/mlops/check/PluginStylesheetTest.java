package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.report.ReportRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The run page's layout inside Jenkins: Jenkins' Content Security Policy blocks inline {@code <style>}, which left the
 * report's drawings at their fixed size, pushed out of the content column. The page links a stylesheet served from
 * the plugin instead, and that stylesheet styles every class the engine's report uses.
 */
class PluginStylesheetTest {
    private static final Path PLUGIN = Path.of("../../plugin/src/main");
    private static final Pattern CLASS = Pattern.compile("\\.([a-z][a-z0-9_-]*)");

    @Test
    void shouldHaveNoInlineStyleInAnyPage() throws IOException {
        try (Stream<Path> files = Files.walk(PLUGIN.resolve("resources"))) {
            for (Path jelly : files.filter(f -> f.toString().endsWith(".jelly")).toList()) {
                assertThat(Files.readString(jelly)).as(jelly.toString()).doesNotContain("<style");
            }
        }
    }

    @Test
    void shouldLinkAStylesheetServedByThePlugin() throws IOException {
        String page = Files.readString(
                PLUGIN.resolve("resources/io/jenkins/plugins/mlops/ui/MlopsRunAction/index.jelly"));

        assertThat(page).contains("<l:header>").contains("href=\"${resURL}/plugin/mlops/css/report.css\"");
        assertThat(PLUGIN.resolve("webapp/css/report.css")).isRegularFile();
    }

    @Test
    void shouldStyleEveryClassOfTheReport() throws IOException {
        String jenkins = Files.readString(PLUGIN.resolve("webapp/css/report.css"));

        assertThat(classes(jenkins)).containsAll(classes(ReportRenderer.stylesheet()));
        assertThat(jenkins).as("follows Jenkins' themes").contains("var(--text-color").contains("var(--card-background")
                .doesNotContain("max-width: 1240px");
    }

    private static List<String> classes(final String css) {
        TreeSet<String> names = new TreeSet<>();
        Matcher matcher = CLASS.matcher(css.replaceAll("/\\*.*?\\*/", "").replaceAll("\\{[^}]*}", "{}"));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }
}
