package io.jenkins.plugins.mlops.engine.report;

import io.jenkins.plugins.mlops.engine.util.HtmlEscaper;
import java.util.Locale;

/** Small helpers shared by the SVG drawings: coordinates, text and shortening. */
final class Svg {
    static final String FONT = "font-family=\"-apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif\"";
    static final String TEXT_COLOUR = "#1f2328";
    static final String MUTED_COLOUR = "#59636e";

    private Svg() {
    }

    /** A coordinate with at most one decimal, locale-independent. */
    static String n(final double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }

    /** A text element; {@code attributes} are extra raw attributes, {@code text} is escaped. */
    static String text(final double x, final double y, final String attributes, final String text) {
        return "<text x=\"" + n(x) + "\" y=\"" + n(y) + "\" " + attributes + ">" + HtmlEscaper.escape(text) + "</text>";
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    static String shorten(final String text, final int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
    }
}
