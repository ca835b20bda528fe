package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Arg;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Call;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Source edits of PyTorch models built with {@code nn.Sequential(...)}, made so that every tensor shape stays as it
 * was: a new conv block is {@code ConvNd(c, c, 3, padding=1)} plus the block's activation (same channels, same
 * size, so the flatten size is unchanged); widening changes a hidden width {@code b} in the Linear that produces it,
 * the Linear that consumes it and any norm layer between. Layers built in a module's {@code __init__} and wired in
 * {@code forward()} are not edited: their order is not proven. The epochs are the bound of the training loop
 * {@code for epoch in range(...)}.
 */
final class TorchEdits implements EditFinder {
    private static final Set<String> CONV = Set.of("Conv1d", "Conv2d", "Conv3d");
    private static final Set<String> ACTIVATIONS = Set.of("ReLU", "LeakyReLU", "GELU", "ELU", "SELU", "SiLU",
            "Tanh", "Sigmoid", "Mish", "PReLU");
    /** Layers that keep the width of a hidden vector or belong to the conv block before them. */
    private static final Set<String> PASS_THROUGH = Set.of("Dropout", "Dropout1d", "Dropout2d", "Dropout3d",
            "AlphaDropout", "BatchNorm1d", "BatchNorm2d", "BatchNorm3d", "LayerNorm", "MaxPool1d", "MaxPool2d",
            "MaxPool3d", "AvgPool1d", "AvgPool2d", "AvgPool3d");
    private static final Set<String> NORMS = Set.of("BatchNorm1d", "LayerNorm");
    private static final int MAX_WIDTH = 1024;

    /**
     * One element of an {@code nn.Sequential(...)}.
     *
     * @param call the layer's constructor call
     * @param type the layer class, aliases resolved
     */
    private record Element(Call call, String type) {
    }

    @Override
    public List<EditKind> kinds(final PythonCode code) {
        boolean conv = sequentials(code).stream().flatMap(List::stream).anyMatch(e -> CONV.contains(e.type()));
        return conv ? List.of(EditKind.EPOCHS, EditKind.ADD_CONV_BLOCK, EditKind.WIDEN)
                : List.of(EditKind.EPOCHS, EditKind.WIDEN);
    }

    @Override
    public Optional<TextEdit> find(final EditKind kind, final PythonCode code, final EditHistory history,
            final RunLog log) {
        return switch (kind) {
            case EPOCHS -> epochs(code, history, log);
            case ADD_CONV_BLOCK -> convBlock(code, log);
            case WIDEN -> widen(code, log);
            default -> Optional.empty();
        };
    }

    private static Optional<TextEdit> epochs(final PythonCode code, final EditHistory history, final RunLog log) {
        List<Arg> bounds = new ArrayList<>();
        for (Call call : code.calls()) {
            int first = call.first();
            if (call.callee().equals("range") && first >= 3 && code.is(first - 1, "in")
                    && code.is(first - 3, "for") && !call.args().isEmpty()
                    && (code.token(first - 2).text().toLowerCase().contains("epoch")
                    || code.text(call).toLowerCase().contains("epoch"))) {
                bounds.add(call.args().get(call.args().size() == 1 ? 0 : 1));
            }
        }
        if (bounds.size() != 1) {
            log.info("Not raising epochs: %d loops 'for epoch in range(...)' (need exactly one)", bounds.size());
            return Optional.empty();
        }
        return NumberEdits.doubleInteger(code, bounds.get(0), EditKind.EPOCHS, "epochs", NumberEdits.EPOCH_CAP,
                history, log);
    }

    private static Optional<TextEdit> convBlock(final PythonCode code, final RunLog log) {
        List<List<Element>> lastFirst = new ArrayList<>(sequentials(code));
        Collections.reverse(lastFirst);
        for (List<Element> sequential : lastFirst) {
            int conv = -1;
            for (int i = 0; i < sequential.size(); i++) {
                conv = CONV.contains(sequential.get(i).type()) ? i : conv;
            }
            if (conv < 0) {
                continue;
            }
            Call template = sequential.get(conv).call();
            Optional<Long> channels = template.keyword("out_channels").or(() -> template.positional().size() > 1
                    ? Optional.of(template.positional().get(1)) : Optional.empty()).flatMap(code::integer);
            if (channels.isEmpty()) {
                log.info("Not adding a conv block: the out channels of %s are not a literal", code.text(template));
                return Optional.empty();
            }
            int end = conv;
            String activation = null;
            while (end + 1 < sequential.size() && (ACTIVATIONS.contains(sequential.get(end + 1).type())
                    || PASS_THROUGH.contains(sequential.get(end + 1).type()))) {
                end++;
                if (activation == null && ACTIVATIONS.contains(sequential.get(end).type())) {
                    activation = code.text(sequential.get(end).call());
                }
            }
            String conv3 = template.callee() + "(" + channels.get() + ", " + channels.get() + ", 3, padding=1)";
            List<String> items = List.of(conv3, activation == null ? template.prefix() + "ReLU()" : activation);
            Call last = sequential.get(end).call();
            TextEdit.Splice splice = code.insertAfterElement(last.first(), last.close(), items);
            return Optional.of(new TextEdit(EditRecord.addition(EditKind.ADD_CONV_BLOCK), conv3 + " + " + items.get(1) + " after line "
                    + KerasEdits.line(code, code.token(last.close()).start()) + " (same channels and size)",
                    List.of(splice)));
        }
        log.info("Not adding a conv block: no Conv layer inside nn.Sequential(...)");
        return Optional.empty();
    }

    /** Widens the narrowest hidden width between two Linear layers of one nn.Sequential. */
    private static Optional<TextEdit> widen(final PythonCode code, final RunLog log) {
        List<Arg> best = null;
        long bestWidth = Long.MAX_VALUE;
        for (List<Element> sequential : sequentials(code)) {
            for (int i = 0; i < sequential.size(); i++) {
                List<Arg> width = hiddenWidth(code, sequential, i);
                if (!width.isEmpty() && code.integer(width.get(0)).get() < bestWidth) {
                    best = width;
                    bestWidth = code.integer(width.get(0)).get();
                }
            }
        }
        if (best == null || bestWidth >= MAX_WIDTH) {
            log.info("Not widening: %s", best == null ? "no two Linear layers of one nn.Sequential share a literal "
                    + "hidden width" : "the narrowest hidden width is already " + bestWidth);
            return Optional.empty();
        }
        long wider = Math.min(MAX_WIDTH, bestWidth * 2);
        List<TextEdit.Splice> splices = best.stream().map(a -> new TextEdit.Splice(code.token(a.from()).start(),
                code.token(a.from()).end(), Long.toString(wider))).toList();
        return Optional.of(new TextEdit(new EditRecord(EditKind.WIDEN, Long.toString(bestWidth), Long.toString(wider)),
                "Linear hidden width " + bestWidth + " -> " + wider
                + " on line " + KerasEdits.line(code, code.token(best.get(0).from()).start()), splices));
    }

    /**
     * The literals holding the hidden width made by the Linear at {@code index}: its out features, the in
     * features of the next Linear and the width of the norm layers between; empty when any is not the same literal.
     */
    private static List<Arg> hiddenWidth(final PythonCode code, final List<Element> sequential, final int index) {
        Element producer = sequential.get(index);
        if (!producer.type().equals("Linear")) {
            return List.of();
        }
        Optional<Arg> out = argument(producer.call(), "out_features", 1);
        Optional<Long> width = out.flatMap(code::integer);
        if (width.isEmpty()) {
            return List.of();
        }
        List<Arg> literals = new ArrayList<>(List.of(out.get()));
        for (Element next : sequential.subList(index + 1, sequential.size())) {
            Optional<Arg> in = next.type().equals("Linear") ? argument(next.call(), "in_features", 0)
                    : NORMS.contains(next.type()) ? argument(next.call(), "num_features", 0)
                    .or(() -> next.call().keyword("normalized_shape")) : Optional.empty();
            if (in.isPresent() && !in.flatMap(code::integer).equals(width)) {
                return List.of();
            }
            in.ifPresent(literals::add);
            if (next.type().equals("Linear")) {
                return literals;
            }
            if (in.isEmpty() && !ACTIVATIONS.contains(next.type()) && !PASS_THROUGH.contains(next.type())) {
                return List.of();
            }
        }
        return List.of();
    }

    private static Optional<Arg> argument(final Call call, final String keyword, final int position) {
        return call.keyword(keyword).or(() -> call.positional().size() > position
                ? Optional.of(call.positional().get(position)) : Optional.empty());
    }

    /** The elements of every {@code nn.Sequential(...)} whose arguments are all layer calls. */
    private static List<List<Element>> sequentials(final PythonCode code) {
        Map<String, String> imported = code.importedNames();
        List<List<Element>> sequentials = new ArrayList<>();
        for (Call call : code.calls()) {
            if (!imported.getOrDefault(call.name(), call.name()).equals("Sequential") || call.args().isEmpty()) {
                continue;
            }
            List<Element> elements = new ArrayList<>();
            for (Arg arg : call.args()) {
                code.calls().stream().filter(c -> arg.keyword() == null && c.first() == arg.from()
                        && c.close() == arg.to() - 1).findFirst()
                        .ifPresent(c -> elements.add(new Element(c, imported.getOrDefault(c.name(), c.name()))));
            }
            if (elements.size() == call.args().size()) {
                sequentials.add(elements);
            }
        }
        return sequentials;
    }
}
