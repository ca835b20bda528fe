package io.jenkins.plugins.mlops.engine.python;

/** The lexical category of a {@link Token}, following Python's own tokenizer where it matters. */
public enum TokenKind {
    /** An identifier or keyword. */
    NAME,
    /** An integer, float or imaginary literal. */
    NUMBER,
    /** A complete string literal with its prefix and quotes, f-strings included. */
    STRING,
    /** An operator or delimiter, brackets included. */
    OPERATOR,
    /** A comment from {@code #} to the end of the line (the line break excluded). */
    COMMENT,
    /** The line break that ends a logical line; empty text at the end of a file without a final line break. */
    NEWLINE,
    /** A line break that does not end a logical line: a blank or comment-only line, or inside brackets. */
    NL,
    /** Text that is not Python: an unterminated string, a stray character, a backslash not before a line break. */
    ERROR,
    /** The end of the input, always the last token. */
    END
}
