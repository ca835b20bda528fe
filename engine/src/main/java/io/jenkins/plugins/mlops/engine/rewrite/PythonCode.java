package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.python.PythonTokenizer;
import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.python.TokenizedSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A Python file as the source rewriter sees it: its exact text, its significant tokens with their offsets, and the
 * calls, assignments and import aliases found in them. Comments, strings and docstrings are tokens of their own, so
 * nothing inside them is ever taken for code. Edits are made on the text by offset, so every other byte stays.
 */
final class PythonCode {
    private static final Set<String> KEYWORDS = Set.of("and", "as", "assert", "async", "await", "class", "def",
            "del", "elif", "else", "except", "for", "from", "global", "if", "import", "in", "is", "lambda",
            "nonlocal", "not", "or", "pass", "raise", "return", "while", "with", "yield");

    /**
     * One argument of a call, tokens {@code [from, to)}.
     *
     * @param keyword the keyword, or {@code null} for a positional argument
     * @param from    first token of the value
     * @param to      token after the value
     */
    record Arg(String keyword, int from, int to) {
    }

    /**
     * A call {@code callee(args)}.
     *
     * @param first  the token of the callee's first name ({@code nn} of {@code nn.Linear})
     * @param callee the dotted callee as written, e.g. {@code layers.Conv2D}
     * @param open   the token of {@code (}
     * @param close  the token of the matching {@code )}
     * @param args   the arguments
     */
    record Call(int first, String callee, int open, int close, List<Arg> args) {
        /** The last part of the callee: {@code Conv2D} of {@code keras.layers.Conv2D}. */
        String name() {
            return callee.substring(callee.lastIndexOf('.') + 1);
        }

        /** The prefix of the callee up to its last part: {@code nn.} of {@code nn.Linear}. */
        String prefix() {
            return callee.substring(0, callee.lastIndexOf('.') + 1);
        }

        Optional<Arg> keyword(final String... names) {
            return args.stream().filter(a -> a.keyword() != null && List.of(names).contains(a.keyword())).findFirst();
        }

        List<Arg> positional() {
            return args.stream().filter(a -> a.keyword() == null).toList();
        }
    }

    private final String source;
    private final List<Token> tokens;
    private final List<Call> calls = new ArrayList<>();

    PythonCode(final String source, final List<Token> tokens) {
        this.source = source;
        this.tokens = List.copyOf(tokens);
        for (int i = 1; i < this.tokens.size(); i++) {
            if (is(i, "(") && this.tokens.get(i - 1).kind() == TokenKind.NAME
                    && !KEYWORDS.contains(this.tokens.get(i - 1).text())) {
                call(i).ifPresent(calls::add);
            }
        }
    }

    /**
     * The code of {@code source}, or empty when it does not tokenize as Python (an unterminated string, unbalanced
     * brackets, a stray character).
     */
    static Optional<PythonCode> parse(final String source) {
        TokenizedSource tokenized = PythonTokenizer.tokenize(source);
        if (tokenized.partial()) {
            return Optional.empty();
        }
        return Optional.of(new PythonCode(source, tokenized.code().stream()
                .filter(token -> token.kind() != TokenKind.END).toList()));
    }

    /** Whether token {@code index} is the operator or name {@code text}. */
    boolean is(final int index, final String text) {
        Token token = tokens.get(index);
        return token.isOperator(text) || token.isName(text);
    }

    String source() {
        return source;
    }

    List<Token> tokens() {
        return tokens;
    }

    Token token(final int index) {
        return tokens.get(index);
    }

    /** The line terminator the file uses (CRLF when any line has one). */
    String eol() {
        return source.contains("\r\n") ? "\r\n" : "\n";
    }

    /** Every call, in source order of the callee. */
    List<Call> calls() {
        return calls;
    }

    /** The source text of tokens {@code [from, to)}. */
    String text(final int from, final int to) {
        return source.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    /** The source text of an argument's value. */
    String text(final Arg arg) {
        return text(arg.from(), arg.to());
    }

    /** The source text of a whole call, callee to closing bracket. */
    String text(final Call call) {
        return text(call.first(), call.close() + 1);
    }

    /** The whole number an argument is, when it is one literal. */
    Optional<Long> integer(final Arg arg) {
        if (arg.to() - arg.from() != 1 || tokens.get(arg.from()).kind() != TokenKind.NUMBER) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(tokens.get(arg.from()).text().replace("_", "")));
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The token index of the matching close bracket of the bracket at {@code open}. */
    int matching(final int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.OPERATOR && "([{".contains(token.text())) {
                depth++;
            }
            else if (token.kind() == TokenKind.OPERATOR && ")]}".contains(token.text()) && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The arguments between the bracket at {@code open} and its match {@code close}. */
    List<Arg> arguments(final int open, final int close) {
        List<Arg> args = new ArrayList<>();
        int from = open + 1;
        int i = from;
        while (i < close) {
            Token token = tokens.get(i);
            if (token.kind() == TokenKind.OPERATOR && "([{".contains(token.text())) {
                i = matching(i) + 1;
                continue;
            }
            if (token.isOperator(",")) {
                args.add(argument(from, i));
                from = i + 1;
            }
            i++;
        }
        if (from < close) {
            args.add(argument(from, close));
        }
        return args;
    }

    private Arg argument(final int from, final int to) {
        if (to - from >= 2 && tokens.get(from).kind() == TokenKind.NAME && is(from + 1, "=")) {
            return new Arg(tokens.get(from).text(), from + 2, to);
        }
        return new Arg(null, from, to);
    }

    private Optional<Call> call(final int open) {
        int close = matching(open);
        if (close < 0) {
            return Optional.empty();
        }
        int first = open - 1;
        while (first >= 2 && is(first - 1, ".") && tokens.get(first - 2).kind() == TokenKind.NAME) {
            first -= 2;
        }
        if (first > 0 && (is(first - 1, "def") || is(first - 1, "class")
                || is(first - 1, "."))) {
            return Optional.empty();
        }
        return Optional.of(new Call(first, text(first, open), open, close, arguments(open, close)));
    }

    /** The token index the logical line (or {@code ;}-separated statement) holding token {@code index} starts at. */
    int statementStart(final int index) {
        int i = index;
        while (i > 0 && tokens.get(i - 1).kind() != TokenKind.NEWLINE && !is(i - 1, ";")) {
            i--;
        }
        return i;
    }

    /** The offset of the start of the physical line holding {@code offset}. */
    int lineStart(final int offset) {
        return source.lastIndexOf('\n', offset - 1) + 1;
    }

    /**
     * The offset after the line break of the logical line holding token {@code index}; a line inserted there needs
     * {@link #lineBreakAt(int)} in front when the file ends without a line break.
     */
    int statementEnd(final int index) {
        int i = index;
        while (i < tokens.size() && tokens.get(i).kind() != TokenKind.NEWLINE) {
            i++;
        }
        return i < tokens.size() ? tokens.get(i).end() : source.length();
    }

    /** The line break to put before text inserted at {@code offset}: one at the end of a file without a last one. */
    String lineBreakAt(final int offset) {
        return offset == source.length() && !source.isEmpty() && !source.endsWith("\n") && !source.endsWith("\r")
                ? eol() : "";
    }

    /** The whitespace the physical line of token {@code index} starts with. */
    String indent(final int index) {
        int start = lineStart(tokens.get(index).start());
        int end = start;
        while (end < source.length() && (source.charAt(end) == ' ' || source.charAt(end) == '\t')) {
            end++;
        }
        return source.substring(start, end);
    }

    /** The values of every simple assignment {@code name = value} at the start of a logical line. */
    List<Arg> assignments(final String name) {
        List<Arg> values = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (is(i, name) && is(i + 1, "=") && statementStart(i) == i) {
                int end = i + 2;
                while (end < tokens.size() && tokens.get(end).kind() != TokenKind.NEWLINE) {
                    end++;
                }
                values.add(new Arg(null, i + 2, end));
            }
        }
        return values;
    }

    /** What each name imported with {@code from m import A as B} stands for: B → A (and A → A without "as"). */
    Map<String, String> importedNames() {
        Map<String, String> names = new HashMap<>();
        for (int i = 0; i < tokens.size(); i++) {
            if (!is(i, "import") || statementStart(i) == i) {
                continue;
            }
            for (int j = i + 1; j < tokens.size() && tokens.get(j).kind() != TokenKind.NEWLINE; j++) {
                if (tokens.get(j).kind() != TokenKind.NAME || is(j, "as")) {
                    continue;
                }
                boolean aliased = j + 2 < tokens.size() && is(j + 1, "as");
                names.put(aliased ? tokens.get(j + 2).text() : tokens.get(j).text(), tokens.get(j).text());
                j += aliased ? 2 : 0;
            }
        }
        return names;
    }

    /** Whether token {@code index} starts its physical line (only whitespace before it). */
    boolean ownLine(final int index) {
        int start = tokens.get(index).start();
        return source.substring(lineStart(start), start).isBlank();
    }

    /**
     * The splice that inserts {@code items} into a bracketed, comma-separated list right after the element of
     * tokens {@code [first, last]}, in the list's layout: one item per line when the elements are on lines of their
     * own (with the element's indentation and trailing commas), else inline.
     */
    TextEdit.Splice insertAfterElement(final int first, final int last, final List<String> items) {
        int end = tokens.get(last).end();
        boolean comma = last + 1 < tokens.size() && is(last + 1, ",");
        boolean nextOnNewLine = comma && last + 2 < tokens.size()
                && source.substring(tokens.get(last + 1).end(), tokens.get(last + 2).start()).contains("\n");
        StringBuilder text = new StringBuilder();
        if (ownLine(first) && nextOnNewLine) {
            int lineEnd = source.indexOf('\n', tokens.get(last + 1).end());
            int at = lineEnd < 0 ? source.length() : lineEnd + 1;
            items.forEach(item -> text.append(indent(first)).append(item).append(',').append(eol()));
            return new TextEdit.Splice(at, at, text.toString());
        }
        if (ownLine(first) && !comma) {
            items.forEach(item -> text.append(',').append(eol()).append(indent(first)).append(item));
            return new TextEdit.Splice(end, end, text.toString());
        }
        items.forEach(item -> text.append(", ").append(item));
        return new TextEdit.Splice(end, end, text.toString());
    }
}
