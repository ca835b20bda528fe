package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Arg;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * Raises a number in the code (epochs, max_iter, n_estimators, C): the literal itself, or the one assignment of the
 * variable it names ({@code EPOCHS = 10} for {@code epochs=EPOCHS}, also {@code range(EPOCHS + 1)}). Anything else
 * (a computed value, a variable assigned twice) is left alone, with a log line saying why.
 */
final class NumberEdits {
    /** Epochs go up to 4x their value before the study, at least to 20, never past 200 (unless already there). */
    static final LongUnaryOperator EPOCH_CAP = original -> Math.max(original, Math.min(200, Math.max(4 * original,
            20)));

    private NumberEdits() {
    }

    /**
     * Doubles the whole number {@code arg} stands for, up to a cap that depends on its value before the study.
     *
     * @param code    the file
     * @param arg     the argument holding the number or the variable
     * @param kind    the kind of edit
     * @param label   how the change line names the number when it is a literal, e.g. {@code epochs}
     * @param cap     the cap, given the original value
     * @param history the edits so far, for the original value
     * @param log     where to say why nothing was raised
     * @return the edit, or empty
     */
    static Optional<TextEdit> doubleInteger(final PythonCode code, final Arg arg, final EditKind kind,
            final String label, final LongUnaryOperator cap, final EditHistory history, final RunLog log) {
        Optional<Integer> token = resolve(code, arg, label, log);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Token number = code.token(token.get());
        long current;
        try {
            current = Long.parseLong(number.text().replace("_", ""));
        }
        catch (NumberFormatException e) {
            log.info("Not raising %s: %s is not a whole number", label, number.text());
            return Optional.empty();
        }
        long original = history.original(kind).map(Double::longValue).orElse(current);
        long limit = cap.applyAsLong(original);
        if (current >= limit) {
            log.info("Not raising %s: %d is at the cap of %d (from %d before the study)", label, current, limit,
                    original);
            return Optional.empty();
        }
        long next = Math.min(limit, Math.max(current + 1, current * 2));
        return Optional.of(TextEdit.of(new EditRecord(kind, Long.toString(current), Long.toString(next)),
                name(code, arg, label) + " " + current + " -> " + next, number.start(), number.end(),
                Long.toString(next)));
    }

    /** Multiplies the number {@code arg} stands for by {@code factor}, up to {@code cap}. */
    static Optional<TextEdit> multiply(final PythonCode code, final Arg arg, final EditKind kind, final String label,
            final int factor, final double cap, final RunLog log) {
        Optional<Integer> token = resolve(code, arg, label, log);
        if (token.isEmpty()) {
            return Optional.empty();
        }
        Token number = code.token(token.get());
        BigDecimal current = new BigDecimal(number.text().replace("_", ""));
        if (current.doubleValue() <= 0 || current.doubleValue() * factor > cap) {
            log.info("Not raising %s: %s times %d would pass the cap of %s", label, number.text(), factor, cap);
            return Optional.empty();
        }
        String next = current.multiply(BigDecimal.valueOf(factor)).stripTrailingZeros().toPlainString();
        if ((number.text().contains(".") || number.text().contains("e")) && !next.contains(".")) {
            next += ".0";
        }
        return Optional.of(TextEdit.of(new EditRecord(kind, number.text(), next),
                name(code, arg, label) + " " + number.text() + " -> " + next, number.start(), number.end(), next));
    }

    /** The token of the number literal: the argument itself, or the value of its variable's only assignment. */
    private static Optional<Integer> resolve(final PythonCode code, final Arg arg, final String label,
            final RunLog log) {
        int from = arg.from();
        int size = arg.to() - arg.from();
        if (size == 1 && code.token(from).kind() == TokenKind.NUMBER) {
            return Optional.of(from);
        }
        boolean plusOne = size == 3 && code.is(from + 1, "+") && code.token(from + 2).kind() == TokenKind.NUMBER;
        if ((size == 1 || plusOne) && code.token(from).kind() == TokenKind.NAME) {
            String variable = code.token(from).text();
            List<Arg> assignments = code.assignments(variable);
            if (assignments.size() == 1 && assignments.get(0).to() - assignments.get(0).from() == 1
                    && code.token(assignments.get(0).from()).kind() == TokenKind.NUMBER) {
                return Optional.of(assignments.get(0).from());
            }
            log.info("Not raising %s: the variable %s is not assigned a number exactly once (%d assignments)",
                    label, variable, assignments.size());
            return Optional.empty();
        }
        log.info("Not raising %s: its value '%s' is neither a number nor a variable", label, code.text(arg));
        return Optional.empty();
    }

    private static String name(final PythonCode code, final Arg arg, final String label) {
        return code.token(arg.from()).kind() == TokenKind.NAME ? code.token(arg.from()).text() : label;
    }
}
