package io.jenkins.plugins.mlops.engine.report;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.HtmlEscaper;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The trials as a table: number, state, what changed (params, or the change line with the diff folded in a
 * {@code <details>} that opens without JavaScript), metric, duration and image. The winner's row is marked.
 */
final class TrialTable {
    private static final int DIGEST_LENGTH = 12;

    private TrialTable() {
    }

    static String render(final ChainState state) {
        if (state.trials().isEmpty()) {
            return "<p class=\"empty\">No trials yet.</p>";
        }
        Integer best = state.best().map(TrialRecord::number).orElse(null);
        StringBuilder html = new StringBuilder(4096);
        html.append("<table class=\"trials\"><thead><tr><th>#</th><th>State</th><th>Change / params</th><th>")
                .append(HtmlEscaper.escape(state.objective().metric()))
                .append("</th><th>Duration</th><th>Image</th></tr></thead><tbody>");
        for (TrialRecord trial : state.trials()) {
            boolean winner = best != null && best == trial.number();
            html.append("<tr class=\"trial").append(winner ? " winner" : "").append("\" data-trial=\"")
                    .append(trial.number()).append("\">");
            html.append("<td class=\"number\">").append(trial.number()).append(winner ? " <span class=\"star\" "
                    + "title=\"best trial\">\u2605</span>" : "").append("</td>");
            String stateWord = trial.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
            html.append("<td><span class=\"badge trial-").append(trial.state().name().toLowerCase(Locale.ROOT))
                    .append("\">").append(stateWord).append("</span></td>");
            html.append("<td class=\"change\">").append(change(trial)).append("</td>");
            html.append("<td class=\"metric\">").append(MetricFormat.format(trial.metric())).append("</td>");
            html.append("<td>").append(trial.state().isFinished() ? Durations.format(trial.durationMillis()) : "-")
                    .append("</td>");
            html.append("<td class=\"digest\"><code>").append(HtmlEscaper.escape(shortDigest(trial.imageDigest())))
                    .append("</code></td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    private static String change(final TrialRecord trial) {
        StringBuilder cell = new StringBuilder();
        if (trial.change() != null && !trial.change().isBlank()) {
            cell.append("<div>").append(HtmlEscaper.escape(trial.change())).append("</div>");
        }
        if (!trial.params().isEmpty()) {
            cell.append("<div class=\"params\"><code>").append(HtmlEscaper.escape(params(trial.params())))
                    .append("</code></div>");
        }
        if (trial.diff() != null && !trial.diff().isBlank()) {
            cell.append("<details><summary>diff</summary><pre class=\"diff\">")
                    .append(HtmlEscaper.escape(trial.diff())).append("</pre></details>");
        }
        if (trial.message() != null && !trial.message().isBlank()) {
            cell.append("<div class=\"message\">").append(HtmlEscaper.escape(Svg.shorten(trial.message(), 300)))
                    .append("</div>");
        }
        return cell.isEmpty() ? "-" : cell.toString();
    }

    private static String params(final Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    private static String shortDigest(final String digest) {
        if (digest == null || digest.isBlank()) {
            return "-";
        }
        String hex = digest.startsWith("sha256:") ? digest.substring("sha256:".length()) : digest;
        return hex.length() > DIGEST_LENGTH ? hex.substring(0, DIGEST_LENGTH) : hex;
    }
}
