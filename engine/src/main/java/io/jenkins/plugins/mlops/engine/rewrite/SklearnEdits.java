package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Arg;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Call;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Source edits of scikit-learn estimators, on the keyword arguments of the one estimator call that has them:
 * {@code max_iter} (doubled, up to 4x its value before the study or 200, at most 2000), {@code hidden_layer_sizes}
 * (every layer twice as wide, or one more layer as wide as the last), {@code n_estimators} (doubled, up to 4x or
 * 400, at most 2000) and {@code C} (times 10, at most 1000). Values must be literals or variables assigned once.
 */
final class SklearnEdits implements EditFinder {
    private static final int MAX_WIDTH = 1024;

    @Override
    public List<EditKind> kinds(final PythonCode code) {
        List<EditKind> kinds = new ArrayList<>();
        if (!keyword(code, "max_iter").isEmpty()) {
            kinds.add(EditKind.MAX_ITER);
        }
        if (!keyword(code, "hidden_layer_sizes").isEmpty()) {
            kinds.add(EditKind.WIDEN);
        }
        if (!keyword(code, "n_estimators").isEmpty()) {
            kinds.add(EditKind.N_ESTIMATORS);
        }
        if (!keyword(code, "hidden_layer_sizes").isEmpty()) {
            kinds.add(EditKind.ADD_HIDDEN_LAYER);
        }
        if (!keyword(code, "C").isEmpty()) {
            kinds.add(EditKind.RAISE_C);
        }
        return kinds;
    }

    @Override
    public Optional<TextEdit> find(final EditKind kind, final PythonCode code, final EditHistory history,
            final RunLog log) {
        String name = switch (kind) {
            case MAX_ITER -> "max_iter";
            case N_ESTIMATORS -> "n_estimators";
            case RAISE_C -> "C";
            default -> "hidden_layer_sizes";
        };
        List<Arg> args = keyword(code, name);
        if (args.size() != 1) {
            log.info("Not changing %s: %d estimator calls set it (need exactly one)", name, args.size());
            return Optional.empty();
        }
        Arg arg = args.get(0);
        return switch (kind) {
            case MAX_ITER -> NumberEdits.doubleInteger(code, arg, kind, name,
                    original -> Math.max(original, Math.min(2000, Math.max(4 * original, 200))), history, log);
            case N_ESTIMATORS -> NumberEdits.doubleInteger(code, arg, kind, name,
                    original -> Math.max(original, Math.min(2000, Math.max(4 * original, 400))), history, log);
            case RAISE_C -> NumberEdits.multiply(code, arg, kind, name, 10, 1000, log);
            case WIDEN -> widen(code, arg, log);
            case ADD_HIDDEN_LAYER -> addLayer(code, arg, log);
            default -> Optional.empty();
        };
    }

    private static Optional<TextEdit> widen(final PythonCode code, final Arg arg, final RunLog log) {
        Optional<List<Arg>> layers = layers(code, arg, log);
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<TextEdit.Splice> splices = new ArrayList<>();
        for (Arg layer : layers.get()) {
            long width = code.integer(layer).orElseThrow();
            if (width < MAX_WIDTH) {
                Token token = code.token(layer.from());
                splices.add(new TextEdit.Splice(token.start(), token.end(), Long.toString(Math.min(MAX_WIDTH,
                        width * 2))));
            }
        }
        if (splices.isEmpty()) {
            log.info("Not widening hidden_layer_sizes: every layer is already %d wide", MAX_WIDTH);
            return Optional.empty();
        }
        return Optional.of(describe(code, arg, EditKind.WIDEN, splices));
    }

    private static Optional<TextEdit> addLayer(final PythonCode code, final Arg arg, final RunLog log) {
        Optional<List<Arg>> layers = layers(code, arg, log);
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<Arg> sizes = layers.get();
        String last = code.text(sizes.get(sizes.size() - 1));
        int close = arg.to() - 1;
        TextEdit.Splice splice;
        if (!code.is(arg.from(), "(") && !code.is(arg.from(), "[")) {
            splice = new TextEdit.Splice(code.token(arg.from()).start(), code.token(close).end(),
                    "(" + last + ", " + last + ")");
        }
        else if (code.is(close - 1, ",")) {
            splice = new TextEdit.Splice(code.token(close - 1).end(), code.token(close - 1).end(), " " + last);
        }
        else {
            splice = new TextEdit.Splice(code.token(close - 1).end(), code.token(close - 1).end(), ", " + last);
        }
        return Optional.of(describe(code, arg, EditKind.ADD_HIDDEN_LAYER, List.of(splice)));
    }

    /** The layer sizes of a literal {@code (a, b)}, {@code [a, b]} or {@code a}; empty when not all literals. */
    private static Optional<List<Arg>> layers(final PythonCode code, final Arg arg, final RunLog log) {
        boolean bracketed = (code.is(arg.from(), "(") || code.is(arg.from(), "["))
                && code.matching(arg.from()) == arg.to() - 1;
        List<Arg> sizes = bracketed ? code.arguments(arg.from(), arg.to() - 1) : List.of(arg);
        if (sizes.isEmpty() || sizes.stream().anyMatch(s -> code.integer(s).isEmpty())) {
            log.info("Not changing hidden_layer_sizes: '%s' is not a literal tuple of whole numbers", code.text(arg));
            return Optional.empty();
        }
        return Optional.of(sizes);
    }

    /** The edit of {@code splices}: the literal before and after, as the code writes it. */
    private static TextEdit describe(final PythonCode code, final Arg arg, final EditKind kind,
            final List<TextEdit.Splice> splices) {
        int start = code.token(arg.from()).start();
        int end = code.token(arg.to() - 1).end();
        String before = code.source().substring(start, end);
        List<TextEdit.Splice> shifted = splices.stream()
                .map(s -> new TextEdit.Splice(s.start() - start, s.end() - start, s.text())).toList();
        String after = new TextEdit(EditRecord.addition(kind), "", shifted).apply(before);
        return new TextEdit(new EditRecord(kind, before, after), "hidden_layer_sizes " + before + " -> " + after,
                splices);
    }

    /** The values of keyword {@code name} in every call that has it. */
    private static List<Arg> keyword(final PythonCode code, final String name) {
        List<Arg> args = new ArrayList<>();
        for (Call call : code.calls()) {
            call.keyword(name).ifPresent(args::add);
        }
        return args;
    }
}
