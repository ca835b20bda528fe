package io.jenkins.plugins.mlops.engine.report;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.HtmlEscaper;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Renders a chain as one self-contained HTML page: the pipeline of the seven steps with the trial loop, the metric
 * per trial against the target, the winner, where it was published, the trial table and the warnings.
 *
 * <p>The page needs nothing from the network and has no JavaScript, so it works offline and under Jenkins' Content
 * Security Policy. Its one stylesheet is inline in the full page; the drawings carry their colours as SVG attributes,
 * so they keep them even where inline styles are blocked. To embed the view in a Jenkins page, use
 * {@link #renderFragment} and serve {@link #stylesheet()} as a same-origin CSS file. Every string that comes from
 * the repository, the training or the user is HTML-escaped.</p>
 */
public final class ReportRenderer {
    private static final String STYLESHEET = loadStylesheet();
    private static final int COMMIT_LENGTH = 10;

    private final String title;
    private final String buildUrl;

    /** A renderer with the default title ("MLOps run &lt;runId&gt;") and no build link. */
    public ReportRenderer() {
        this(null, null);
    }

    /**
     * A renderer with a title and a link back to the build.
     *
     * @param title    the page heading, or {@code null} for the default
     * @param buildUrl an http(s) or relative URL of the build, or {@code null}; other schemes are dropped
     */
    public ReportRenderer(final String title, final String buildUrl) {
        this.title = title;
        this.buildUrl = buildUrl != null && isSafeLink(buildUrl) ? buildUrl : null;
    }

    /** The full, self-contained HTML page. */
    public String render(final ChainState state) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + HtmlEscaper.escape(heading(state)) + "</title>"
                + "<style>body{margin:0;background:#f6f8fa;}\n" + STYLESHEET + "</style></head>\n<body>"
                + renderFragment(state) + "</body></html>\n";
    }

    /** The report without {@code <html>}/{@code <head>}, for embedding; style it with {@link #stylesheet()}. */
    public String renderFragment(final ChainState state) {
        StringBuilder html = new StringBuilder(32_768);
        html.append("<div class=\"mlops-report\">");
        appendHeader(html, state);
        html.append("<section class=\"card pipeline-card\"><h2>Pipeline</h2>").append(PipelineSvg.render(state))
                .append("</section>");
        html.append("<div class=\"row\"><section class=\"card chart-card\"><h2>")
                .append(HtmlEscaper.escape(state.objective().metric())).append(" per trial</h2>")
                .append(TrialChartSvg.render(state)).append("</section>");
        html.append("<aside class=\"card side\">");
        appendWinner(html, state);
        appendPublished(html, state.published());
        html.append("</aside></div>");
        html.append("<section class=\"card trials-card\"><h2>Trials</h2>").append(TrialTable.render(state))
                .append("</section>");
        if (!state.warnings().isEmpty()) {
            html.append("<section class=\"card warnings\"><h2>Warnings</h2><ul>");
            state.warnings().forEach(w -> html.append("<li>").append(HtmlEscaper.escape(Secrets.maskUrls(w)))
                    .append("</li>"));
            html.append("</ul></section>");
        }
        return html.append("</div>").toString();
    }

    /** The stylesheet of the report, every rule scoped to {@code .mlops-report}. */
    public static String stylesheet() {
        return STYLESHEET;
    }

    private void appendHeader(final StringBuilder html, final ChainState state) {
        html.append("<header class=\"head\"><h1>");
        if (buildUrl != null) {
            html.append("<a href=\"").append(HtmlEscaper.escape(buildUrl)).append("\">")
                    .append(HtmlEscaper.escape(heading(state))).append("</a>");
        }
        else {
            html.append(HtmlEscaper.escape(heading(state)));
        }
        html.append("</h1>");
        GateResult gate = state.gate();
        if (gate != null) {
            html.append("<span class=\"badge verdict verdict-").append(gate.verdict().name().toLowerCase(Locale.ROOT))
                    .append("\">").append(gate.verdict().name().replace('_', ' ')).append("</span>");
            html.append("<p class=\"reason\">").append(HtmlEscaper.escape(gate.reason())).append("</p>");
        }
        html.append("<dl class=\"facts\">");
        fact(html, "Goal", state.objective().metric() + (state.objective().direction() == Direction.MAXIMIZE ? " \u2265 "
                : " \u2264 ") + MetricFormat.format(state.objective().target()));
        if (state.detection() != null) {
            fact(html, "Model", state.detection().type().toString());
            fact(html, "Entry", state.detection().entry());
        }
        fact(html, "Commit", shortCommit(state.sourceCommit()));
        fact(html, "Mode", state.mode().id());
        fact(html, "Run", state.chainId());
        html.append("</dl></header>");
    }

    private static void appendWinner(final StringBuilder html, final ChainState state) {
        html.append("<h2>Best trial</h2>");
        TrialRecord best = state.best().orElse(null);
        if (best == null) {
            html.append("<p class=\"empty\">No trial produced a metric yet.</p>");
            return;
        }
        boolean met = state.objective().isMet(best.metric());
        html.append("<div class=\"winner-card\"><div class=\"big").append(met ? "" : " below").append("\">")
                .append(MetricFormat.format(best.metric()))
                .append("</div><dl>");
        definition(html, "Trial", "#" + best.number() + " of " + state.trials().size());
        definition(html, "Meets target", met ? "yes" : "no");
        if (best.change() != null) {
            definition(html, "Change", best.change());
        }
        if (!best.params().isEmpty()) {
            definition(html, "Params", best.params().toString());
        }
        html.append("</dl></div>");
    }

    private static void appendPublished(final StringBuilder html, final PublishedModel published) {
        html.append("<h2>Published</h2>");
        if (published == null) {
            html.append("<p class=\"empty published-none\">Not published.</p>");
            return;
        }
        html.append("<dl class=\"published\">");
        definition(html, "Remote", Secrets.maskUrls(published.remote()));
        definition(html, "Branch", published.branch());
        definition(html, "Tag", published.tag());
        definition(html, "Commit", shortCommit(published.commit()));
        html.append("</dl>");
    }

    private static void fact(final StringBuilder html, final String name, final String value) {
        if (value != null && !value.isBlank()) {
            html.append("<div><dt>").append(name).append("</dt><dd>").append(HtmlEscaper.escape(value))
                    .append("</dd></div>");
        }
    }

    private static void definition(final StringBuilder html, final String name, final String value) {
        html.append("<dt>").append(name).append("</dt><dd>").append(HtmlEscaper.escape(value == null ? "-" : value))
                .append("</dd>");
    }

    private String heading(final ChainState state) {
        return title != null ? title : "MLOps run " + state.chainId();
    }

    private static String shortCommit(final String commit) {
        return commit == null || commit.length() <= COMMIT_LENGTH ? commit : commit.substring(0, COMMIT_LENGTH);
    }

    /** Only links that cannot run code: http(s), or relative paths without a scheme. */
    private static boolean isSafeLink(final String url) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") || !lower.matches("^[a-z][a-z0-9+.-]*:.*");
    }

    private static String loadStylesheet() {
        try (InputStream in = ReportRenderer.class.getResourceAsStream("report.css")) {
            if (in == null) {
                throw new IllegalStateException("report.css is missing from the engine jar; rebuild the engine");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read report.css from the engine jar", e);
        }
    }
}
