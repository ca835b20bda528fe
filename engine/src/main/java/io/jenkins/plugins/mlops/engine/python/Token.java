package io.jenkins.plugins.mlops.engine.python;

import java.util.Objects;

/**
 * One token of Python source. Offsets are char indexes into the source, so {@code source.substring(start, end)} is
 * {@link #text()}; a rewriter can splice replacements at these offsets and keep everything else byte for byte.
 *
 * @param kind   what the token is
 * @param text   the exact source text
 * @param start  offset of the first char
 * @param end    offset after the last char
 * @param line   1-based line of the first char ({@code \r\n}, {@code \r} and {@code \n} each end a line)
 * @param column 0-based char column of the first char in its line
 */
public record Token(TokenKind kind, String text, int start, int end, int line, int column) {
    public Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this is the operator {@code op}, e.g. {@code "("}. */
    public boolean isOperator(final String op) {
        return kind == TokenKind.OPERATOR && text.equals(op);
    }

    /** Whether this is the name or keyword {@code name}. */
    public boolean isName(final String name) {
        return kind == TokenKind.NAME && text.equals(name);
    }

    /** Whether this token carries no code: a comment or a line break that does not end a statement. */
    public boolean isTrivia() {
        return kind == TokenKind.COMMENT || kind == TokenKind.NL;
    }
}
