package io.jenkins.plugins.mlops.engine.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cheap check for code that tokenizes but cannot parse as Python 3: two operands in a row, such as Python 2's
 * {@code print "x"} or {@code exec code}, or a half-edited line. Not a parser; it finds what the detector needs to
 * call a file partial, and never flags valid Python 3 (soft keywords {@code match}, {@code case} and {@code type}
 * may start a statement with two names in a row; adjacent strings concatenate).
 */
public final class SyntaxCheck {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");
    private static final Set<String> SOFT_KEYWORDS = Set.of("match", "case", "type");
    private static final Set<String> PYTHON2_STATEMENTS = Set.of("print", "exec");

    private SyntaxCheck() {
    }

    /** One line per place that cannot be Python 3 ({@code line N: ...}); empty when none was found. */
    public static List<String> problems(final TokenizedSource source) {
        List<String> problems = new ArrayList<>();
        Token previous = null;
        boolean previousStartsStatement = false;
        for (Token token : source.code()) {
            if (token.kind() == TokenKind.NEWLINE || token.kind() == TokenKind.END) {
                previous = null;
                continue;
            }
            boolean startsStatement = previous == null || previous.isOperator(":") || previous.isOperator(";");
            if (previous != null && endsOperand(previous) && startsOperand(token)
                    && !(previous.kind() == TokenKind.STRING && token.kind() == TokenKind.STRING)
                    && !(previousStartsStatement && SOFT_KEYWORDS.contains(previous.text()))) {
                problems.add("line " + token.line() + ": '" + previous.text() + "' followed by '" + token.text()
                        + "' is not Python 3" + (PYTHON2_STATEMENTS.contains(previous.text())
                        ? " (a Python 2 statement)" : ""));
            }
            previousStartsStatement = startsStatement;
            previous = token;
        }
        return problems;
    }

    private static boolean endsOperand(final Token token) {
        return token.kind() == TokenKind.NAME && !KEYWORDS.contains(token.text())
                || token.kind() == TokenKind.NUMBER || token.kind() == TokenKind.STRING
                || token.isOperator(")") || token.isOperator("]") || token.isOperator("}");
    }

    private static boolean startsOperand(final Token token) {
        return token.kind() == TokenKind.NAME && !KEYWORDS.contains(token.text())
                || token.kind() == TokenKind.NUMBER || token.kind() == TokenKind.STRING;
    }
}
