package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.python.Token;
import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.rewrite.KerasLayers.Layer;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Arg;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Call;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Source edits of Keras models: raise the epochs of {@code fit}, add a convolution block after the last one (with
 * pooling when the image stays at least 1x1, which is checked from {@code input_shape} when it is written out; none
 * once the feature map is 1x1), add
 * a Dense layer before the output layer, or widen the last hidden layer. New layers copy the file's own calls, so
 * they use its names ({@code Convolution2D}, {@code layers.Conv2D}, an alias) and its Keras dialect.
 */
final class KerasEdits implements EditFinder {
    static final Set<String> CONV = Set.of("Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D",
            "Convolution3D");
    static final Set<String> POOL = Set.of("MaxPooling1D", "MaxPooling2D", "MaxPooling3D", "MaxPool1D", "MaxPool2D",
            "MaxPool3D", "AveragePooling1D", "AveragePooling2D", "AveragePooling3D", "AvgPool1D", "AvgPool2D",
            "AvgPool3D");
    /** Layers that belong to the conv block they follow. */
    private static final Set<String> BLOCK = Set.of("BatchNormalization", "Activation", "Dropout", "SpatialDropout1D",
            "SpatialDropout2D", "SpatialDropout3D", "ReLU", "LeakyReLU", "PReLU", "ELU");
    private static final Set<String> NOT_COPIED = Set.of("input_shape", "input_dim", "batch_input_shape",
            "input_length", "name");
    private static final int MAX_FILTERS = 512;
    private static final int MAX_UNITS = 1024;

    @Override
    public List<EditKind> kinds(final PythonCode code) {
        boolean conv = KerasLayers.of(code, new RunLog()).map(m -> m.layers().stream()
                .anyMatch(l -> CONV.contains(l.type()))).orElse(false);
        return conv ? List.of(EditKind.EPOCHS, EditKind.ADD_CONV_BLOCK, EditKind.ADD_DENSE_LAYER, EditKind.WIDEN)
                : List.of(EditKind.EPOCHS, EditKind.ADD_DENSE_LAYER, EditKind.WIDEN);
    }

    @Override
    public Optional<TextEdit> find(final EditKind kind, final PythonCode code, final EditHistory history,
            final RunLog log) {
        if (kind == EditKind.EPOCHS) {
            return epochs(code, history, log);
        }
        return KerasLayers.of(code, log).flatMap(model -> switch (kind) {
            case ADD_CONV_BLOCK -> convBlock(code, model, log);
            case ADD_DENSE_LAYER -> denseLayer(code, model, log);
            case WIDEN -> widen(code, model, log);
            default -> Optional.empty();
        });
    }

    /** The epochs of the one {@code fit} call, up to {@link NumberEdits#EPOCH_CAP}. */
    static Optional<TextEdit> epochs(final PythonCode code, final EditHistory history, final RunLog log) {
        List<Arg> epochs = new ArrayList<>();
        for (Call call : code.calls()) {
            if (!call.prefix().isEmpty() && (call.name().equals("fit") || call.name().equals("fit_generator"))) {
                call.keyword("epochs", "nb_epoch").ifPresent(epochs::add);
            }
        }
        if (epochs.size() != 1) {
            log.info("Not raising epochs: %d fit(...) calls with epochs= (need exactly one)", epochs.size());
            return Optional.empty();
        }
        return NumberEdits.doubleInteger(code, epochs.get(0), EditKind.EPOCHS, "epochs", NumberEdits.EPOCH_CAP,
                history, log);
    }

    private static Optional<TextEdit> convBlock(final PythonCode code, final KerasLayers model, final RunLog log) {
        List<Layer> layers = model.layers();
        int conv = -1;
        for (int i = 0; i < layers.size(); i++) {
            conv = CONV.contains(layers.get(i).type()) ? i : conv;
        }
        if (conv < 0) {
            log.info("Not adding a conv block: the model has no convolution layer to copy");
            return Optional.empty();
        }
        int end = conv;
        while (end + 1 < layers.size() && (BLOCK.contains(layers.get(end + 1).type())
                || POOL.contains(layers.get(end + 1).type()))) {
            end++;
        }
        Call template = layers.get(conv).call();
        KerasShapes shapes = new KerasShapes(code);
        Long size = shapes.sizeAfter(layers.subList(0, end + 1));
        if (size != null && size <= 1) {
            // Another block on a 1x1 map only adds weights, and its pooling would fail: another edit must come.
            log.info("Not adding a conv block: the feature map is already 1x1 after line %d", line(code,
                    code.token(layers.get(end).call().close()).start()));
            return Optional.empty();
        }
        boolean same = size == null || shapes.afterConv(template, size, false) < 1;
        long side = size == null ? -1 : shapes.afterConv(template, size, same);
        if (size != null && side < 1) {
            log.info("Not adding a conv block: the image is %dx%d there, too small for another convolution", size,
                    size);
            return Optional.empty();
        }
        List<String> calls = new ArrayList<>();
        calls.add(rebuild(code, template, filters(code, template).map(KerasEdits::next).orElse(null), same));
        List<Layer> rest = new ArrayList<>(layers.subList(conv + 1, end + 1));
        if (rest.stream().noneMatch(l -> POOL.contains(l.type()))) {
            layers.stream().filter(l -> POOL.contains(l.type())).reduce((a, b) -> b).ifPresent(rest::add);
        }
        String pooled = "";
        for (Layer layer : rest) {
            if (!POOL.contains(layer.type())) {
                calls.add(rebuild(code, layer.call(), null, false));
            }
            else if (pooled.isEmpty() && size != null && shapes.afterPool(layer.call(), side) >= 1) {
                calls.add(rebuild(code, layer.call(), null, false));
                pooled = " + " + layer.call().callee();
            }
        }
        Optional<TextEdit.Splice> splice = model.insertAfter(layers.get(end), calls);
        if (splice.isEmpty()) {
            log.info("Not adding a conv block: the last block's output is not assigned to one variable");
            return Optional.empty();
        }
        String details = template.callee() + "(" + filters(code, template).map(f -> Long.toString(next(f)))
                .orElse("...") + ")" + pooled + " after line "
                + line(code, code.token(layers.get(end).call().close()).start());
        return Optional.of(new TextEdit(EditRecord.addition(EditKind.ADD_CONV_BLOCK), details,
                List.of(splice.get())));
    }

    private static Optional<TextEdit> denseLayer(final PythonCode code, final KerasLayers model, final RunLog log) {
        List<Layer> dense = model.layers().stream().filter(l -> l.type().equals("Dense")).toList();
        if (dense.isEmpty() || dense.get(dense.size() - 1).call().keyword(NOT_COPIED.toArray(String[]::new))
                .isPresent()) {
            log.info("Not adding a Dense layer: %s", dense.isEmpty() ? "the model has no Dense output layer"
                    : "the output layer is also the input layer (it takes input_shape/input_dim)");
            return Optional.empty();
        }
        Layer output = dense.get(dense.size() - 1);
        String call = dense.size() > 1 ? rebuild(code, dense.get(dense.size() - 2).call(), null, false)
                : output.call().callee() + "(64, activation=" + quote(code, output.call()) + "relu"
                        + quote(code, output.call()) + ")";
        Optional<TextEdit.Splice> splice = model.insertBefore(output, call);
        if (splice.isEmpty()) {
            log.info("Not adding a Dense layer: the output layer is not applied to one variable");
            return Optional.empty();
        }
        String units = dense.size() > 1 ? units(code, dense.get(dense.size() - 2).call()).map(String::valueOf)
                .orElse("...") : "64";
        return Optional.of(new TextEdit(EditRecord.addition(EditKind.ADD_DENSE_LAYER), output.call().callee() + "(" + units
                + ") before the output layer on line " + line(code, code.token(output.anchor()).start()),
                List.of(splice.get())));
    }

    /** Doubles the units of the last hidden Dense layer, or else the filters of the last conv layer. */
    private static Optional<TextEdit> widen(final PythonCode code, final KerasLayers model, final RunLog log) {
        List<Layer> dense = model.layers().stream().filter(l -> l.type().equals("Dense")).toList();
        List<Layer> candidates = new ArrayList<>(dense.subList(0, Math.max(0, dense.size() - 1)));
        Collections.reverse(candidates);
        List<Layer> convs = new ArrayList<>(model.layers().stream().filter(l -> CONV.contains(l.type())).toList());
        Collections.reverse(convs);
        candidates.addAll(convs);
        for (Layer candidate : candidates) {
            Call call = candidate.call();
            boolean conv = CONV.contains(candidate.type());
            long cap = conv ? MAX_FILTERS : MAX_UNITS;
            Optional<Arg> width = (conv ? call.keyword("filters", "nb_filter") : call.keyword("units", "output_dim"))
                    .or(() -> call.positional().stream().findFirst()).filter(a -> code.integer(a).isPresent());
            if (width.isPresent() && code.integer(width.get()).get() < cap) {
                long from = code.integer(width.get()).get();
                long to = Math.min(cap, from * 2);
                Token token = code.token(width.get().from());
                return Optional.of(TextEdit.of(new EditRecord(EditKind.WIDEN, Long.toString(from), Long.toString(to)),
                        call.callee() + " " + from + " -> " + to + " on line "
                        + line(code, token.start()), token.start(), token.end(), Long.toString(to)));
            }
        }
        log.info("Not widening: no hidden Dense layer (or else conv layer) with a literal width below its cap");
        return Optional.empty();
    }

    /** The layer call with {@code name}/{@code input_shape} dropped, and if asked new filters and 'same' padding. */
    private static String rebuild(final PythonCode code, final Call call, final Long filters, final boolean same) {
        boolean keras1 = KerasShapes.isKeras1(code, call);
        List<String> args = new ArrayList<>();
        boolean padded = false;
        int position = 0;
        for (Arg arg : call.args()) {
            String keyword = arg.keyword();
            if (keyword != null && NOT_COPIED.contains(keyword)
                    || same && (keyword == null ? !keras1 && position >= 2 : Set.of("strides", "subsample")
                    .contains(keyword))) {
                position += keyword == null ? 1 : 0;
                continue;
            }
            String value = code.text(arg);
            if (filters != null && (keyword == null ? position == 0 : Set.of("filters", "nb_filter").contains(keyword))) {
                value = filters.toString();
            }
            if (same && keyword != null && Set.of("padding", "border_mode").contains(keyword)) {
                value = quote(code, call) + "same" + quote(code, call);
                padded = true;
            }
            position += keyword == null ? 1 : 0;
            args.add(keyword == null ? value : keyword + "=" + value);
        }
        if (same && !padded) {
            args.add((keras1 ? "border_mode=" : "padding=") + quote(code, call) + "same" + quote(code, call));
        }
        return call.callee() + "(" + String.join(", ", args) + ")";
    }

    private static Optional<Long> filters(final PythonCode code, final Call conv) {
        return conv.keyword("filters", "nb_filter").or(() -> conv.positional().stream().findFirst())
                .flatMap(code::integer);
    }

    private static Optional<Arg> unitsArg(final Call dense) {
        return dense.keyword("units", "output_dim").or(() -> dense.positional().stream().findFirst());
    }

    private static Optional<Long> units(final PythonCode code, final Call dense) {
        return unitsArg(dense).flatMap(code::integer);
    }

    private static long next(final long filters) {
        return Math.min(MAX_FILTERS, filters * 2);
    }

    /** The quote character the call's string arguments use ({@code '} when it has none). */
    private static String quote(final PythonCode code, final Call call) {
        for (int i = call.open(); i < call.close(); i++) {
            if (code.token(i).kind() == TokenKind.STRING && code.token(i).text().startsWith("\"")) {
                return "\"";
            }
        }
        return "'";
    }

    static int line(final PythonCode code, final int offset) {
        return (int) code.source().substring(0, offset).chars().filter(c -> c == '\n').count() + 1;
    }
}
