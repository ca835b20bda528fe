package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Arg;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Call;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The layers of the one Keras model of a file, in order, whichever way the file builds it: {@code model.add(...)}
 * statements, a list given to {@code Sequential([...])}, or functional statements {@code x = Conv2D(...)(x)}. Knows
 * how to insert layers before or after a layer in the same form and formatting. A file with two models (two
 * receivers of {@code add}, two layer lists) is not touched: which one trains is not certain.
 */
final class KerasLayers {
    /** How the file builds its model. */
    enum Form { ADD, LIST, FUNCTIONAL }

    /**
     * One layer.
     *
     * @param call   the layer's constructor call
     * @param type   the layer class, aliases resolved ({@code Convolution2D} for {@code C} after
     *               {@code from keras.layers import Convolution2D as C})
     * @param anchor ADD and FUNCTIONAL: the first token of the statement; LIST: the first token of the element
     * @param target FUNCTIONAL: the variable assigned, else {@code null}
     * @param input  FUNCTIONAL: the variable the layer is applied to when it is one name, else {@code null}
     */
    record Layer(Call call, String type, int anchor, String target, String input) {
    }

    private final PythonCode code;
    private final Form form;
    private final List<Layer> layers;
    private final String receiver;

    private KerasLayers(final PythonCode code, final Form form, final List<Layer> layers, final String receiver) {
        this.code = code;
        this.form = form;
        this.layers = List.copyOf(layers);
        this.receiver = receiver;
    }

    Form form() {
        return form;
    }

    List<Layer> layers() {
        return layers;
    }

    /** The model's layers, or empty with a log line when there is none or more than one model. */
    static Optional<KerasLayers> of(final PythonCode code, final RunLog log) {
        Map<String, String> imported = code.importedNames();
        List<Layer> added = new ArrayList<>();
        Set<String> receivers = new TreeSet<>();
        List<Call> lists = new ArrayList<>();
        for (Call call : code.calls()) {
            Optional<Call> layer = single(code, call.positional().size() == 1 ? call.positional().get(0) : null);
            if (call.name().equals("add") && !call.prefix().isEmpty() && layer.isPresent()
                    && code.statementStart(call.first()) == call.first()) {
                added.add(new Layer(layer.get(), type(imported, layer.get()), call.first(), null, null));
                receivers.add(call.prefix());
            }
            if (type(imported, call).equals("Sequential")) {
                call.positional().stream().findFirst().or(() -> call.keyword("layers"))
                        .filter(arg -> code.is(arg.from(), "[") && code.matching(arg.from()) == arg.to() - 1)
                        .ifPresent(arg -> lists.add(call));
            }
        }
        if (receivers.size() > 1 || lists.size() > 1) {
            log.info("Not editing the Keras model: the file builds more than one (%s)",
                    receivers.size() > 1 ? "add() on " + String.join(", ", receivers) : lists.size() + " layer lists");
            return Optional.empty();
        }
        if (!added.isEmpty()) {
            return Optional.of(new KerasLayers(code, Form.ADD, added, receivers.iterator().next()));
        }
        if (!lists.isEmpty()) {
            return Optional.of(new KerasLayers(code, Form.LIST, listed(code, imported, lists.get(0)), null));
        }
        List<Layer> functional = functional(code, imported);
        if (functional.isEmpty()) {
            log.info("Not editing: no Keras layers found in model.add(...), Sequential([...]) or x = Layer(...)(x)");
            return Optional.empty();
        }
        return Optional.of(new KerasLayers(code, Form.FUNCTIONAL, functional, null));
    }

    private static List<Layer> listed(final PythonCode code, final Map<String, String> imported, final Call call) {
        Arg list = call.positional().stream().findFirst().or(() -> call.keyword("layers")).orElseThrow();
        List<Layer> layers = new ArrayList<>();
        for (Arg element : code.arguments(list.from(), list.to() - 1)) {
            single(code, element).ifPresent(layer -> layers.add(
                    new Layer(layer, type(imported, layer), element.from(), null, null)));
        }
        return layers;
    }

    private static List<Layer> functional(final PythonCode code, final Map<String, String> imported) {
        List<Layer> layers = new ArrayList<>();
        for (Call call : code.calls()) {
            int first = call.first();
            int apply = call.close() + 1;
            if (first < 2 || !code.is(first - 1, "=") || code.token(first - 2).kind() != TokenKind.NAME
                    || code.statementStart(first - 2) != first - 2 || apply >= code.tokens().size()
                    || !code.is(apply, "(")) {
                continue;
            }
            int close = code.matching(apply);
            boolean oneName = close == apply + 2 && code.token(apply + 1).kind() == TokenKind.NAME;
            if (close > 0 && close + 1 < code.tokens().size() && code.token(close + 1).kind() == TokenKind.NEWLINE) {
                layers.add(new Layer(call, type(imported, call), first - 2, code.token(first - 2).text(),
                        oneName ? code.token(apply + 1).text() : null));
            }
        }
        return layers;
    }

    /** The call an argument consists of, when it is exactly one call. */
    private static Optional<Call> single(final PythonCode code, final Arg arg) {
        if (arg == null || arg.keyword() != null) {
            return Optional.empty();
        }
        return code.calls().stream().filter(c -> c.first() == arg.from() && c.close() == arg.to() - 1).findFirst();
    }

    private static String type(final Map<String, String> imported, final Call call) {
        return imported.getOrDefault(call.name(), call.name());
    }

    /** The splice that inserts {@code calls} as layers right after {@code layer}. */
    Optional<TextEdit.Splice> insertAfter(final Layer layer, final List<String> calls) {
        String eol = code.eol();
        String indent = code.indent(layer.anchor());
        StringBuilder text = new StringBuilder();
        switch (form) {
            case ADD -> calls.forEach(c -> text.append(indent).append(receiver).append("add(").append(c).append(')')
                    .append(eol));
            case FUNCTIONAL -> {
                if (layer.target() == null) {
                    return Optional.empty();
                }
                calls.forEach(c -> text.append(indent).append(layer.target()).append(" = ").append(c).append('(')
                        .append(layer.target()).append(')').append(eol));
            }
            default -> {
                return Optional.of(code.insertAfterElement(layer.anchor(), layer.call().close(), calls));
            }
        }
        int end = code.statementEnd(layer.anchor());
        return Optional.of(new TextEdit.Splice(end, end, code.lineBreakAt(end) + text));
    }

    /** The splice that inserts {@code call} as a layer right before {@code layer}. */
    Optional<TextEdit.Splice> insertBefore(final Layer layer, final String call) {
        int lineStart = code.lineStart(code.token(layer.anchor()).start());
        String indent = code.indent(layer.anchor());
        String eol = code.eol();
        return switch (form) {
            case ADD -> Optional.of(new TextEdit.Splice(lineStart, lineStart,
                    indent + receiver + "add(" + call + ")" + eol));
            case FUNCTIONAL -> Optional.ofNullable(layer.input()).map(in -> new TextEdit.Splice(lineStart, lineStart,
                    indent + in + " = " + call + "(" + in + ")" + eol));
            case LIST -> Optional.of(code.ownLine(layer.anchor())
                    ? new TextEdit.Splice(lineStart, lineStart, indent + call + "," + eol)
                    : new TextEdit.Splice(code.token(layer.anchor()).start(), code.token(layer.anchor()).start(),
                            call + ", "));
        };
    }
}
