package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the mail about a chain: subject from the template, and the same facts as plain text and as HTML (verdict,
 * best metric against the target, the trial table, the chart, the published model, the link). Every string that
 * came from the user's repository (changes, params, diffs, failure messages) is escaped in the HTML.
 */
final class MailComposer {
    /** Diffs longer than this many lines are cut in the mail; the report has them in full. */
    static final int MAX_DIFF_LINES = 200;

    private static final String CELL = "padding:2px 10px;border-bottom:1px solid #ddd;";

    /** Composes the mail; {@code chartPng} is the rendered chart or {@code null}. */
    MailContent compose(final String subjectTemplate, final Notification notification, final byte[] chartPng) {
        ChainState state = notification.state();
        Objective objective = state.objective();
        Optional<TrialRecord> best = state.best();
        String verdict = verdictOf(state).name();
        String subject = SubjectTemplate.render(subjectTemplate, Map.of(
                "verdict", verdict,
                "metric", objective.metric(),
                "target", Formats.metric(objective.target()),
                "best", Formats.metric(best.map(TrialRecord::metric).orElse(null)),
                "trials", String.valueOf(state.trials().size()),
                "run", String.valueOf(state.chainId())));
        String link = notification.link();
        return new MailContent(subject, text(state, verdict, best, link), html(state, verdict, best, link, chartPng),
                chartPng);
    }

    /** The gate's verdict, or what the trials say when the gate has not run. */
    static Verdict verdictOf(final ChainState state) {
        if (state.gate() != null) {
            return state.gate().verdict();
        }
        return state.best().map(t -> state.objective().isMet(t.metric()) ? Verdict.PASSED : Verdict.BELOW_TARGET)
                .orElse(Verdict.NO_METRIC);
    }

    private static String bestLine(final Objective objective, final Optional<TrialRecord> best) {
        String target = "target " + objective.metric() + " " + Formats.meets(objective.direction()) + " "
                + Formats.metric(objective.target());
        return best.map(t -> "best " + objective.metric() + " " + Formats.metric(t.metric()) + " (trial " + t.number()
                + "), " + target).orElse("no trial produced a metric, " + target);
    }

    private static String text(final ChainState state, final String verdict, final Optional<TrialRecord> best,
            final String link) {
        StringBuilder text = new StringBuilder();
        text.append("mlops run ").append(state.chainId()).append(": ").append(verdict).append('\n');
        text.append(bestLine(state.objective(), best)).append('\n');
        if (state.gate() != null && state.gate().reason() != null) {
            text.append("gate: ").append(state.gate().reason()).append('\n');
        }
        if (state.detection() != null) {
            text.append("model: ").append(state.detection().type()).append(" (").append(state.detection().entry())
                    .append(")\n");
        }
        text.append("\nTrials\n");
        text.append(String.format(Locale.ROOT, "%5s  %-40s  %10s  %12s  %s%n", "trial", "change",
                state.objective().metric(), "duration", "state"));
        for (TrialRecord trial : state.trials()) {
            text.append(String.format(Locale.ROOT, "%5d  %-40s  %10s  %12s  %s%n", trial.number(),
                    Formats.change(trial), Formats.metric(trial.metric()), Formats.duration(trial.durationMillis()),
                    trial.state()));
        }
        text.append('\n').append(publishedLine(state.published())).append('\n');
        if (link != null) {
            text.append("report: ").append(link).append('\n');
        }
        best.map(TrialRecord::diff).filter(d -> !d.isBlank()).ifPresent(diff -> text.append("\nChange of trial ")
                .append(best.get().number()).append(":\n").append(cut(diff)).append('\n'));
        return text.toString();
    }

    private static String html(final ChainState state, final String verdict, final Optional<TrialRecord> best,
            final String link, final byte[] chartPng) {
        Objective objective = state.objective();
        String colour = Verdict.PASSED.name().equals(verdict) ? "#1a7f37" : "#cf222e";
        StringBuilder html = new StringBuilder(4096);
        html.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>mlops</title></head>")
                .append("<body style=\"font-family:sans-serif;font-size:14px;color:#222\">");
        html.append("<h2 style=\"color:").append(colour).append("\">").append(Formats.html(verdict)).append("</h2>");
        html.append("<p>").append(Formats.html(bestLine(objective, best))).append("<br>run ")
                .append(Formats.html(state.chainId())).append("</p>");
        if (state.gate() != null && state.gate().reason() != null) {
            html.append("<p>gate: ").append(Formats.html(state.gate().reason())).append("</p>");
        }
        if (state.detection() != null) {
            html.append("<p>model: ").append(Formats.html(String.valueOf(state.detection().type()))).append(" (")
                    .append(Formats.html(state.detection().entry())).append(")</p>");
        }
        if (chartPng != null) {
            html.append("<p><img src=\"cid:").append(MailContent.CHART_CONTENT_ID).append("\" alt=\"")
                    .append(Formats.html(objective.metric())).append(" per trial\" width=\"").append(TrialChart.WIDTH)
                    .append("\" height=\"").append(TrialChart.HEIGHT).append("\"></p>");
        }
        html.append("<table style=\"border-collapse:collapse\"><tr>");
        for (String header : List.of("trial", "change", objective.metric(), "duration", "state")) {
            html.append("<th style=\"").append(CELL).append("text-align:left\">").append(Formats.html(header))
                    .append("</th>");
        }
        html.append("</tr>");
        for (TrialRecord trial : state.trials()) {
            boolean isBest = best.isPresent() && best.get().number() == trial.number();
            html.append(isBest ? "<tr style=\"font-weight:bold\">" : "<tr>");
            for (String cell : List.of(String.valueOf(trial.number()), Formats.change(trial),
                    Formats.metric(trial.metric()), Formats.duration(trial.durationMillis()), trial.state().name())) {
                html.append("<td style=\"").append(CELL).append("\">").append(Formats.html(cell)).append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</table>");
        html.append("<p>").append(Formats.html(publishedLine(state.published()))).append("</p>");
        if (link != null) {
            html.append("<p>report: ").append(linkHtml(link)).append("</p>");
        }
        best.map(TrialRecord::diff).filter(d -> !d.isBlank()).ifPresent(diff -> html.append("<p>Change of trial ")
                .append(best.get().number()).append(":</p><pre style=\"background:#f6f8fa;padding:8px\">")
                .append(Formats.html(cut(diff))).append("</pre>"));
        return html.append("</body></html>").toString();
    }

    private static String publishedLine(final PublishedModel published) {
        if (published == null) {
            return "published: not published";
        }
        StringBuilder line = new StringBuilder("published: ").append(published.branch());
        if (published.commit() != null) {
            line.append(" @ ").append(published.commit(), 0, Math.min(12, published.commit().length()));
        }
        if (published.tag() != null) {
            line.append(", tag ").append(published.tag());
        }
        if (published.remote() != null) {
            line.append(", in ").append(published.remote());
        }
        return line.toString();
    }

    /** A link only for http(s) URLs; anything else (javascript:, data:) is shown as text, never made clickable. */
    private static String linkHtml(final String link) {
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("https://") || lower.startsWith("http://")) {
            return "<a href=\"" + Formats.html(link) + "\">" + Formats.html(link) + "</a>";
        }
        return Formats.html(link);
    }

    private static String cut(final String diff) {
        String[] lines = diff.split("\n", -1);
        if (lines.length <= MAX_DIFF_LINES) {
            return diff;
        }
        return String.join("\n", List.of(lines).subList(0, MAX_DIFF_LINES)) + "\n… (" + (lines.length
                - MAX_DIFF_LINES) + " more lines in the report)";
    }
}
