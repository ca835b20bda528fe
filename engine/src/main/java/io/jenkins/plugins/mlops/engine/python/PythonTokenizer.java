package io.jenkins.plugins.mlops.engine.python;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/**
 * Splits Python 3 source into {@link Token}s following the language's lexical rules: every string form (single,
 * triple-quoted, {@code r b u f t} prefixes and their combinations, f-strings with nested quotes as one token),
 * comments, backslash line continuations, bracket nesting (line breaks inside brackets are {@link TokenKind#NL}) and
 * {@code \r\n}/{@code \r}/{@code \n} line breaks. It never throws: text that is not Python becomes an
 * {@link TokenKind#ERROR} token and is listed in {@link TokenizedSource#problems()}. Indentation is not turned into
 * INDENT/DEDENT tokens; a token's {@link Token#column()} gives it.
 */
public final class PythonTokenizer {
    private static final Set<String> STRING_PREFIXES = Set.of("r", "u", "b", "f", "t", "br", "rb", "fr", "rf",
            "tr", "rt");
    private static final List<String> OPERATORS = List.of("**=", "//=", ">>=", "<<=", "...", "->", ":=", "**",
            "//", "<<", ">>", "<=", ">=", "==", "!=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", "+",
            "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ";",
            ".", "=");
    private static final String OPENING = "([{";
    private static final String CLOSING = ")]}";

    private final String source;
    private final StringScanner strings;
    private final List<Token> tokens = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Deque<Character> brackets = new ArrayDeque<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean lineHasCode;

    private PythonTokenizer(final String source) {
        this.source = source;
        this.strings = new StringScanner(source);
    }

    /** Tokenizes {@code source}; never throws. */
    public static TokenizedSource tokenize(final String source) {
        PythonTokenizer tokenizer = new PythonTokenizer(source);
        tokenizer.run();
        return new TokenizedSource(source, tokenizer.tokens, tokenizer.problems);
    }

    private void run() {
        if (source.startsWith("\uFEFF")) {
            pos = 1;
            lineStart = 1;
        }
        while (pos < source.length()) {
            next();
        }
        if (lineHasCode) {
            add(TokenKind.NEWLINE, pos, pos);
        }
        if (!brackets.isEmpty()) {
            problem("unclosed bracket '" + brackets.peek() + "' at the end of the file");
        }
        add(TokenKind.END, pos, pos);
    }

    private void next() {
        char c = source.charAt(pos);
        if (c == ' ' || c == '\t' || c == '\f') {
            pos++;
        }
        else if (c == '\n' || c == '\r') {
            lineBreak();
        }
        else if (c == '#') {
            int end = pos;
            while (end < source.length() && !isLineBreak(source.charAt(end))) {
                end++;
            }
            add(TokenKind.COMMENT, pos, end);
        }
        else if (c == '\\') {
            continuation();
        }
        else if (c == '"' || c == '\'') {
            string(pos, pos);
        }
        else if (Character.isDigit(c) || c == '.' && pos + 1 < source.length()
                && Character.isDigit(source.charAt(pos + 1))) {
            code(TokenKind.NUMBER, pos, NumberScanner.end(source, pos));
        }
        else if (isIdentifierStart(source.codePointAt(pos))) {
            name();
        }
        else {
            operator();
        }
    }

    private void lineBreak() {
        int end = source.startsWith("\r\n", pos) ? pos + 2 : pos + 1;
        add(lineHasCode && brackets.isEmpty() ? TokenKind.NEWLINE : TokenKind.NL, pos, end);
        if (brackets.isEmpty()) {
            lineHasCode = false;
        }
        newLineAt(end);
    }

    private void continuation() {
        int after = pos + 1;
        if (after < source.length() && isLineBreak(source.charAt(after))) {
            int end = source.startsWith("\r\n", after) ? after + 2 : after + 1;
            newLineAt(end);
            return;
        }
        if (after >= source.length()) {
            problem("backslash at the end of the file");
        }
        else {
            problem("backslash not followed by a line break");
        }
        code(TokenKind.ERROR, pos, after);
    }

    private void name() {
        int end = pos;
        while (end < source.length() && isIdentifierPart(source.codePointAt(end))) {
            end += Character.charCount(source.codePointAt(end));
        }
        String word = source.substring(pos, end);
        if (end < source.length() && (source.charAt(end) == '"' || source.charAt(end) == '\'')
                && STRING_PREFIXES.contains(word.toLowerCase(java.util.Locale.ROOT))) {
            string(pos, end);
        }
        else {
            code(TokenKind.NAME, pos, end);
        }
    }

    private void string(final int start, final int quote) {
        String prefix = source.substring(start, quote).toLowerCase(java.util.Locale.ROOT);
        StringScanner.Result result = strings.scan(quote, prefix.contains("f") || prefix.contains("t"));
        if (result.problem() != null) {
            problem(result.problem());
            code(TokenKind.ERROR, start, result.end());
        }
        else {
            code(TokenKind.STRING, start, result.end());
        }
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (source.startsWith(op, pos)) {
                trackBracket(op);
                code(TokenKind.OPERATOR, pos, pos + op.length());
                return;
            }
        }
        int width = Character.charCount(source.codePointAt(pos));
        problem("unexpected character '" + source.substring(pos, pos + width) + "'");
        code(TokenKind.ERROR, pos, pos + width);
    }

    private void trackBracket(final String op) {
        if (op.length() != 1) {
            return;
        }
        char c = op.charAt(0);
        if (OPENING.indexOf(c) >= 0) {
            brackets.push(c);
        }
        else if (CLOSING.indexOf(c) >= 0) {
            if (brackets.isEmpty()) {
                problem("unmatched '" + c + "'");
            }
            else if (OPENING.indexOf(brackets.pop()) != CLOSING.indexOf(c)) {
                problem("closing '" + c + "' does not match the opening bracket");
            }
        }
    }

    /** Adds a token that counts as code on its line, then moves past it, counting any line breaks it spans. */
    private void code(final TokenKind kind, final int start, final int end) {
        lineHasCode = true;
        add(kind, start, end);
    }

    private void add(final TokenKind kind, final int start, final int end) {
        tokens.add(new Token(kind, source.substring(start, end), start, end, line, start - lineStart));
        for (int i = start; i < end && kind != TokenKind.NL && kind != TokenKind.NEWLINE; i++) {
            char c = source.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 >= end || source.charAt(i + 1) != '\n')) {
                line++;
                lineStart = i + 1;
            }
        }
        pos = end;
    }

    private void newLineAt(final int offset) {
        line++;
        lineStart = offset;
        pos = offset;
    }

    private void problem(final String message) {
        problems.add("line " + line + ": " + message);
    }

    private static boolean isLineBreak(final char c) {
        return c == '\n' || c == '\r';
    }

    private static boolean isIdentifierStart(final int codePoint) {
        return codePoint == '_' || Character.isUnicodeIdentifierStart(codePoint);
    }

    private static boolean isIdentifierPart(final int codePoint) {
        return codePoint == '_' || Character.isUnicodeIdentifierPart(codePoint) && !Character.isIdentifierIgnorable(
                codePoint);
    }
}
