package io.jenkins.plugins.mlops.engine.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.ChainStates;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report's HTML: every part present, user strings escaped, nothing that needs the network or JavaScript. */
class ReportRendererTest {
    private final ReportRenderer renderer = new ReportRenderer();

    /** All seven steps get a box, in chain order, with the state each ended in. */
    @Test
    void shouldDrawEveryStepBox() {
        String html = renderer.render(ChainStates.passedStudy());

        assertThat(count(html, "<g class=\"step\" data-step=\"")).isEqualTo(7);
        assertThat(html).containsSubsequence("data-step=\"FETCH\"", "data-step=\"DETECT\"", "data-step=\"TRAIN\"",
                "data-step=\"CHECK\"", "data-step=\"TWEAK\"", "data-step=\"PUBLISH\"", "data-step=\"NOTIFY\"");
        assertThat(html).contains("data-step=\"NOTIFY\" data-state=\"UNSTABLE\"")
                .contains("data-step=\"PUBLISH\" data-state=\"SUCCESS\"");
    }

    /** Steps that never ran are still drawn, as NOT_RUN boxes. */
    @Test
    void shouldDrawStepsThatDidNotRunAsNotRun() {
        String html = renderer.render(ChainStates.belowTargetStudy());

        assertThat(count(html, "<g class=\"step\" data-step=\"")).isEqualTo(7);
        assertThat(html).contains("data-step=\"TWEAK\" data-state=\"NOT_RUN\"")
                .contains("data-step=\"NOTIFY\" data-state=\"NOT_RUN\"")
                .contains("data-step=\"PUBLISH\" data-state=\"NOT_RUN\"")
                .contains("data-step=\"TRAIN\" data-state=\"FAILED\"");
    }

    /** The loop shows how many trials ran, and repeated steps show their run count. */
    @Test
    void shouldMarkTheLoopWithTheTrialCount() {
        String html = renderer.render(ChainStates.passedStudy());

        assertThat(html).contains("<g class=\"loop\" data-trials=\"5\">").contains("loop: 5 trials")
                .contains("\u00d75").contains("\u00d74");
    }

    /** The chart has one point per trial with a metric, a cross per trial without, and the target line. */
    @Test
    void shouldPlotEveryTrialAgainstTheTarget() {
        ChainState state = ChainStates.passedStudy();

        String html = renderer.render(state);

        long measured = state.trials().stream().filter(t -> t.metric() != null).count();
        assertThat(count(html, "class=\"trial-point\"")).isEqualTo(measured).isEqualTo(4);
        assertThat(count(html, "class=\"trial-missing\"")).isEqualTo(1);
        assertThat(count(html, "class=\"target-line\" data-target=\"0.9\"")).isEqualTo(1);
        assertThat(html).contains("target \u2265 0.90").contains("class=\"winner-ring\"");
    }

    /** A minimised metric puts the target sign the other way. */
    @Test
    void shouldShowAMinimisedTarget() {
        ChainState state = ChainState.start("loss-run").withObjective(new Objective("loss", 0.25, Direction.MINIMIZE))
                .withTrial(TrialRecord.running(1, Map.of(), null, "baseline", null, null)
                        .finish(TrialState.COMPLETE, 0.4, 1000, null, null));

        String html = renderer.render(state);

        assertThat(html).contains("target \u2264 0.25").contains("loss per trial").contains("loss \u2264 0.25");
    }

    /** The trial table has a row per trial, with the winner's row marked and its diff folded. */
    @Test
    void shouldListTrialsAndHighlightTheWinner() {
        String html = renderer.render(ChainStates.passedStudy());

        assertThat(count(html, "<tr class=\"trial")).isEqualTo(5);
        assertThat(count(html, "<tr class=\"trial winner\"")).isEqualTo(1);
        assertThat(html).contains("<tr class=\"trial winner\" data-trial=\"5\">")
                .contains("<details><summary>diff</summary>").contains("hidden_units=32, max_iter=200")
                .contains("<code>4b1d7e2f9a0c</code>");
    }

    /** Where the model went is shown, with credentials in the remote masked. */
    @Test
    void shouldShowWhereTheModelWasPublished() {
        String html = renderer.render(ChainStates.passedStudy());

        assertThat(html).contains("model-5-0.93").contains("mlops/models").contains("a1b2c3d4e5")
                .doesNotContain("a1b2c3d4e5f6");
        assertThat(renderer.render(ChainStates.belowTargetStudy())).contains("Not published.");
    }

    /** Change lines, messages, diffs and params are escaped: a script in a change line stays text. */
    @Test
    void shouldEscapeEveryUserString() {
        ChainState state = ChainStates.passedStudy().withTrial(TrialRecord.running(6, Map.of("<b>", "\"x\""),
                "+ if a < b && c > d: print('<img src=x onerror=alert(1)>')", "<script>alert(1)</script>", null, null)
                .finish(TrialState.FAILED, null, 0, "<digest>", "died: <oom> & 'killed'"))
                .withWarning("<i>warning</i>");

        String html = renderer.render(state);

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("<b>")
                .doesNotContain("<oom>").doesNotContain("<i>").doesNotContain("<digest>");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("a &lt; b &amp;&amp; c &gt; d").contains("&lt;b&gt;=&quot;x&quot;")
                .contains("died: &lt;oom&gt; &amp; &#39;killed&#39;");
    }

    /** The page is self-contained: no script, no external resource, a policy that forbids both. */
    @Test
    void shouldBeSelfContainedWithoutJavaScript() {
        String html = renderer.render(ChainStates.passedStudy());

        assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("<link")
                .doesNotContain("src=\"http").doesNotContain("@import").doesNotContain("url(http")
                .doesNotContainPattern("\\son[a-z]+=");
        assertThat(html).contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"")
                .contains("<style>");
    }

    /** The fragment is the body only, for embedding, and the stylesheet is available separately. */
    @Test
    void shouldRenderAnEmbeddableFragment() {
        String fragment = renderer.renderFragment(ChainStates.passedStudy());

        assertThat(fragment).startsWith("<div class=\"mlops-report\">").endsWith("</div>")
                .doesNotContain("<html").doesNotContain("<style");
        assertThat(ReportRenderer.stylesheet()).contains(".mlops-report .trials");
    }

    /** A title and a build link are used; a javascript: link is dropped. */
    @Test
    void shouldUseTitleAndOnlySafeLinks() {
        String linked = new ReportRenderer("digits <model>", "https://ci.example.com/job/x/5/")
                .render(ChainStates.passedStudy());
        String unsafe = new ReportRenderer(null, "javascript:alert(1)").render(ChainStates.passedStudy());

        assertThat(linked).contains("<a href=\"https://ci.example.com/job/x/5/\">digits &lt;model&gt;</a>")
                .contains("<title>digits &lt;model&gt;</title>");
        assertThat(unsafe).doesNotContain("javascript:").contains("<h1>MLOps run 2d6f1c0e-run</h1>");
    }

    /** A run with no trials yet still renders: empty chart, no table, no winner. */
    @Test
    void shouldRenderAFreshRun() {
        String html = renderer.render(ChainState.start("fresh"));

        assertThat(html).contains("no trials yet").contains("No trials yet.")
                .contains("No trial produced a metric yet.").contains("<g class=\"loop\" data-trials=\"0\">");
        assertThat(count(html, "data-state=\"NOT_RUN\"")).isEqualTo(7);
    }

    private static long count(final String text, final String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        long count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
