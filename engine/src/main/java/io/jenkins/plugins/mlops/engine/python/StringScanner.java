package io.jenkins.plugins.mlops.engine.python;

/**
 * Finds where a string literal ends. Backslashes always protect the next char (raw strings included, as in Python).
 * In f-strings and t-strings the replacement fields are skipped with their brackets and nested string literals,
 * which may reuse the outer quote (Python 3.12), so the whole f-string stays one token.
 */
final class StringScanner {
    /** Where the literal ends and, when it is not terminated, why ({@code null} when it is fine). */
    record Result(int end, String problem) {
    }

    private final String source;

    StringScanner(final String source) {
        this.source = source;
    }

    /** Scans the literal whose opening quote is at {@code quote}. */
    Result scan(final int quote, final boolean formatted) {
        char q = source.charAt(quote);
        String closing = source.startsWith(String.valueOf(q).repeat(3), quote) ? String.valueOf(q).repeat(3)
                : String.valueOf(q);
        boolean triple = closing.length() == 3;
        int i = quote + closing.length();
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i = afterEscape(i);
            }
            else if (!triple && (c == '\n' || c == '\r')) {
                return new Result(i, "unterminated string");
            }
            else if (source.startsWith(closing, i)) {
                return new Result(i + closing.length(), null);
            }
            else if (formatted && c == '{' && source.startsWith("{{", i)) {
                i += 2;
            }
            else if (formatted && c == '{') {
                Result field = replacementField(i + 1, triple);
                if (field.problem() != null) {
                    return field;
                }
                i = field.end();
            }
            else {
                i++;
            }
        }
        return new Result(source.length(), triple ? "unterminated triple-quoted string" : "unterminated string");
    }

    /** Skips an f-string replacement field starting after its '{'; returns the offset after its closing '}'. */
    private Result replacementField(final int from, final boolean triple) {
        int depth = 0;
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\'' || c == '"') {
                Result nested = scan(i, i > 0 && Character.toLowerCase(source.charAt(i - 1)) == 'f');
                if (nested.problem() != null) {
                    return nested;
                }
                i = nested.end();
                continue;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                return new Result(i, "unterminated f-string expression");
            }
            if (c == '\\') {
                i = afterEscape(i);
                continue;
            }
            if (c == '}' && depth == 0) {
                return new Result(i + 1, null);
            }
            if (c == '{' || c == '(' || c == '[') {
                depth++;
            }
            else if ((c == '}' || c == ')' || c == ']') && depth > 0) {
                depth--;
            }
            i++;
        }
        return new Result(source.length(), "unterminated f-string");
    }

    private int afterEscape(final int backslash) {
        if (source.startsWith("\r\n", backslash + 1)) {
            return backslash + 3;
        }
        return Math.min(backslash + 2, source.length());
    }
}
