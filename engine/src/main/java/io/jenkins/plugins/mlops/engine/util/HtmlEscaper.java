package io.jenkins.plugins.mlops.engine.util;

/**
 * Escapes text for HTML and SVG element content and quoted attribute values. Everything that comes from a user, a
 * repository or a training script (diffs, messages, params, branch names) goes through it.
 */
public final class HtmlEscaper {
    private HtmlEscaper() {
    }

    /** {@code text} with {@code & < > " '} replaced by entities; {@code null} gives the empty string. */
    public static String escape(final String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
