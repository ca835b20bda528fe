package io.jenkins.plugins.mlops.engine.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateFixtures;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailComposerTest {
    private static final byte[] PNG = {1, 2, 3};
    private final MailComposer composer = new MailComposer();

    private MailContent compose(final ChainState state) {
        return composer.compose(MailSettings.DEFAULT_SUBJECT, new Notification(state, null,
                "https://ci.example.com/job/model/7/"), PNG);
    }

    /** The default subject names verdict, metric, best value and target. */
    @Test
    void shouldRenderTheDefaultSubject() {
        assertThat(compose(ChainStateFixtures.fullState()).subject())
                .isEqualTo("[mlops] PASSED: accuracy 0.93 (target 0.9)");
    }

    /** Every placeholder of a custom template is filled. */
    @Test
    void shouldFillEveryPlaceholder() {
        MailContent content = composer.compose("{run}: {verdict} {metric}={best} target={target} after {trials}",
                Notification.of(ChainStateFixtures.fullState()), null);

        assertThat(content.subject()).isEqualTo("run-1: PASSED accuracy=0.93 target=0.9 after 2");
    }

    /** A line break smuggled in through the metric name is refused, not sent as a header. */
    @Test
    void shouldRefuseALineBreakInTheRenderedSubject() {
        ChainState state = ChainStateFixtures.fullState().withObjective(new Objective("acc\r\nBcc: v@example.com", 0.9,
                Direction.MAXIMIZE));

        assertThatThrownBy(() -> compose(state)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("header injection");
    }

    /** Text and HTML both carry verdict, best vs target, the trial table, the published ref and the link. */
    @Test
    void shouldPutTheSameFactsInTextAndHtml() {
        MailContent content = compose(ChainStateFixtures.fullState());

        for (String body : new String[] {content.text(), content.html()}) {
            assertThat(body).contains("PASSED", "best accuracy 0.93 (trial 2)", "target accuracy ≥ 0.9",
                    "baseline", "0.62", "4.2 s", "5.1 s", "mlops/models @ fedcba98", "model-2-0.93",
                    "https://ci.example.com/job/model/7/", "sklearn/ann");
        }
        assertThat(content.text()).contains("hidden_layer_sizes (2,) -> (16,)");
        assertThat(content.html()).contains("hidden_layer_sizes (2,) -&gt; (16,)");
        assertThat(content.html()).contains("<a href=\"https://ci.example.com/job/model/7/\">");
    }

    /** The HTML shows the chart by its Content-ID when there is one, and no image otherwise. */
    @Test
    void shouldReferToTheChartByContentId() {
        assertThat(compose(ChainStateFixtures.fullState()).html()).contains("src=\"cid:trial-chart@mlops\"");
        assertThat(composer.compose(MailSettings.DEFAULT_SUBJECT, Notification.of(ChainStateFixtures.fullState()),
                null).html()).doesNotContain("<img");
    }

    /** Strings from the user's repository (change, params, diff) cannot inject HTML. */
    @Test
    void shouldEscapeHtmlFromTheRepository() {
        TrialRecord evil = TrialRecord.running(3, Map.of("<b>lr</b>", "\"x\""),
                "--- a/train.py\n+++ b/train.py\n+print('<script>alert(1)</script>')\n",
                "<img src=x onerror=alert(1)>", null, null).finish(TrialState.COMPLETE, 0.99, 10, null, null);
        MailContent content = compose(ChainStateFixtures.fullState().withTrial(evil));

        assertThat(content.html()).doesNotContain("<script>", "<img src=x", "<b>lr")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
        assertThat(content.text()).contains("print('<script>alert(1)</script>')");
    }

    /** A link that is not http(s) is shown as text, never made clickable. */
    @Test
    void shouldNotLinkOtherSchemes() {
        MailContent content = composer.compose(MailSettings.DEFAULT_SUBJECT,
                new Notification(ChainStateFixtures.fullState(), null, "javascript:alert(1)"), null);

        assertThat(content.html()).doesNotContain("href=\"javascript").contains("report: javascript:alert(1)");
    }

    /** Params trials show their params in the change column. */
    @Test
    void shouldShowParamsAsTheChange() {
        TrialRecord params = TrialRecord.running(3, Map.of("lr", 0.01, "epochs", 5), null, null, null, null)
                .finish(TrialState.COMPLETE, 0.5, 10, null, null);

        assertThat(compose(ChainStateFixtures.fullState().withTrial(params)).text()).contains("epochs=5, lr=0.01");
    }

    /** Without a gate result the verdict follows from the best trial and the target. */
    @Test
    void shouldJudgeWithoutGate() {
        ChainState state = ChainStateFixtures.fullState().withGate(null);

        assertThat(MailComposer.verdictOf(state)).isEqualTo(Verdict.PASSED);
        assertThat(MailComposer.verdictOf(state.withObjective(new Objective("accuracy", 0.95, Direction.MAXIMIZE))))
                .isEqualTo(Verdict.BELOW_TARGET);
        assertThat(MailComposer.verdictOf(ChainState.start("r"))).isEqualTo(Verdict.NO_METRIC);
    }

    /** Long diffs are cut, with a pointer to the report. */
    @Test
    void shouldCutLongDiffs() {
        String diff = "+line\n".repeat(MailComposer.MAX_DIFF_LINES + 50);
        TrialRecord big = TrialRecord.running(3, Map.of(), diff, "big", null, null)
                .finish(TrialState.COMPLETE, 0.99, 10, null, null);

        assertThat(compose(ChainStateFixtures.fullState().withTrial(big)).text()).contains("51 more lines");
    }
}
