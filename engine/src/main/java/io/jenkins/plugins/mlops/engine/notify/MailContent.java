package io.jenkins.plugins.mlops.engine.notify;

/**
 * A composed mail before it becomes a MIME message.
 *
 * @param subject  the rendered subject, one line
 * @param text     the plain-text body
 * @param html     the HTML body; refers to the chart as {@code cid:}{@link #CHART_CONTENT_ID} when there is one
 * @param chartPng the metric-per-trial chart as PNG, or {@code null} when there is none
 */
record MailContent(String subject, String text, String html, byte[] chartPng) {
    /** The Content-ID by which the HTML part finds the inline chart. */
    static final String CHART_CONTENT_ID = "trial-chart@mlops";

    /** Whether the mail carries the chart. */
    boolean hasChart() {
        return chartPng != null;
    }
}
