package io.jenkins.plugins.mlops.engine.util;

/**
 * Text from a training (metric files, its output) made safe to echo on a console, in a log or a mail: control
 * characters (C0, DEL, C1), line and paragraph separators and bidirectional overrides are written out as escapes
 * like {@code \x1b}, so a file cannot clear the screen, set the terminal's title or hide text by reordering it.
 */
public final class PrintableText {
    private PrintableText() {
    }

    /** {@code text} with every control character written out visibly; {@code null} stays {@code null}. */
    public static String of(final String text) {
        if (text == null || text.chars().noneMatch(PrintableText::isControl)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        text.chars().forEach(c -> {
            if (!isControl(c)) {
                out.append((char) c);
            }
            else if (c <= 0xff) {
                out.append(String.format("\\x%02x", c));
            }
            else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    private static boolean isControl(final int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029 || c >= 0x202a && c <= 0x202e
                || c >= 0x2066 && c <= 0x2069;
    }
}
