package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.python.TokenKind;
import io.jenkins.plugins.mlops.engine.rewrite.KerasLayers.Layer;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Arg;
import io.jenkins.plugins.mlops.engine.rewrite.PythonCode.Call;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The side of the (square, or the shorter side of a) feature map through the conv and pooling layers of a Keras
 * model, computed from literals only: {@code input_shape=(28, 28, 1)}, kernel sizes, strides and padding. Anything
 * not written out as a literal makes the size unknown ({@code null}), and the caller must not rely on it.
 */
final class KerasShapes {
    private static final Set<String> SAME_SIZE = Set.of("BatchNormalization", "Activation", "Dropout",
            "SpatialDropout1D", "SpatialDropout2D", "SpatialDropout3D", "ReLU", "LeakyReLU", "PReLU", "ELU");

    private final PythonCode code;

    KerasShapes(final PythonCode code) {
        this.code = code;
    }

    /** Whether a conv call is written in Keras 1 style: {@code Convolution2D(32, 3, 3)}. */
    static boolean isKeras1(final PythonCode code, final Call call) {
        return call.name().startsWith("Convolution") && call.positional().size() >= 3
                && call.positional().stream().limit(3).allMatch(a -> code.integer(a).isPresent())
                || call.keyword("border_mode", "nb_filter", "subsample").isPresent();
    }

    /** The feature-map side after {@code layers}, or {@code null} when it is not known from literals. */
    Long sizeAfter(final List<Layer> layers) {
        Long size = inputSize(layers);
        for (Layer layer : layers) {
            if (size == null) {
                return null;
            }
            if (KerasEdits.CONV.contains(layer.type())) {
                size = afterConv(layer.call(), size, false);
            }
            else if (KerasEdits.POOL.contains(layer.type())) {
                size = afterPool(layer.call(), size);
            }
            else if (!SAME_SIZE.contains(layer.type()) && !layer.type().startsWith("Input")) {
                return null;
            }
            size = size != null && size < 1 ? null : size;
        }
        return size;
    }

    /** The side after a conv layer, with 'same' padding and stride 1 when {@code same}; below 1 when it fails. */
    long afterConv(final Call conv, final long size, final boolean same) {
        boolean keras1 = isKeras1(code, conv);
        Optional<Long> kernel = keras1 ? largest(conv.positional().subList(1, 3))
                : conv.keyword("kernel_size").or(() -> positional(conv, 1)).flatMap(this::largest);
        Optional<Long> stride = conv.keyword("strides", "subsample").or(() -> keras1 ? Optional.empty()
                : positional(conv, 2)).map(a -> largest(a).orElse(-1L)).or(() -> Optional.of(1L));
        String padding = conv.keyword("padding", "border_mode").map(this::string).orElse("valid");
        if (same) {
            return size;
        }
        if (kernel.isEmpty() || stride.get() < 1 || conv.keyword("dilation_rate").isPresent()) {
            return -1;
        }
        return padded(size, kernel.get(), stride.get(), padding);
    }

    /** The side after a pooling layer; below 1 when it fails or is not known. */
    long afterPool(final Call pool, final long size) {
        Optional<Long> window = pool.keyword("pool_size").or(() -> positional(pool, 0)).map(a -> largest(a)
                .orElse(-1L)).or(() -> Optional.of(2L));
        Optional<Long> stride = pool.keyword("strides").or(() -> positional(pool, 1))
                .filter(a -> !code.text(a).equals("None")).map(a -> largest(a).orElse(-1L)).or(() -> window);
        String padding = pool.keyword("padding").or(() -> positional(pool, 2)).map(this::string).orElse("valid");
        if (window.get() < 1 || stride.get() < 1) {
            return -1;
        }
        return padded(size, window.get(), stride.get(), padding);
    }

    private static long padded(final long size, final long window, final long stride, final String padding) {
        return switch (padding) {
            case "same" -> (size + stride - 1) / stride;
            case "valid" -> size < window ? 0 : (size - window) / stride + 1;
            default -> -1;
        };
    }

    private Long inputSize(final List<Layer> layers) {
        List<Call> candidates = new ArrayList<>();
        layers.stream().findFirst().ifPresent(l -> candidates.add(l.call()));
        code.calls().stream().filter(c -> c.name().equals("Input")).forEach(candidates::add);
        for (Call call : candidates) {
            Optional<Arg> shape = call.keyword("input_shape", "shape", "batch_input_shape")
                    .or(() -> call.name().startsWith("Input") ? positional(call, 0) : Optional.empty());
            if (shape.isPresent()) {
                List<Long> dims = integers(shape.get(), call.keyword("batch_input_shape").isPresent());
                if (dims.size() < 2) {
                    return dims.isEmpty() ? null : dims.get(0);
                }
                List<Long> sorted = dims.stream().sorted().toList();
                return sorted.get(1);
            }
        }
        return null;
    }

    /** The whole numbers of a tuple literal (or a single one); empty when any entry is something else. */
    private List<Long> integers(final Arg arg, final boolean skipBatch) {
        int from = arg.from();
        int to = arg.to();
        if (code.is(from, "(") && code.matching(from) == to - 1) {
            List<Long> values = new ArrayList<>();
            List<Arg> entries = code.arguments(from, to - 1);
            for (Arg entry : skipBatch ? entries.subList(Math.min(1, entries.size()), entries.size()) : entries) {
                Optional<Long> value = code.integer(entry);
                if (value.isEmpty()) {
                    return List.of();
                }
                values.add(value.get());
            }
            return values;
        }
        return code.integer(arg).map(List::of).orElse(List.of());
    }

    private Optional<Long> largest(final Arg arg) {
        List<Long> values = integers(arg, false);
        return values.stream().max(Long::compare);
    }

    private Optional<Long> largest(final List<Arg> args) {
        List<Long> values = new ArrayList<>();
        args.forEach(a -> code.integer(a).ifPresent(values::add));
        return values.size() == args.size() ? values.stream().max(Long::compare) : Optional.empty();
    }

    private static Optional<Arg> positional(final Call call, final int index) {
        return call.positional().size() > index ? Optional.of(call.positional().get(index)) : Optional.empty();
    }

    private String string(final Arg arg) {
        if (arg.to() - arg.from() != 1 || code.token(arg.from()).kind() != TokenKind.STRING) {
            return "unknown";
        }
        String text = code.token(arg.from()).text();
        return text.replaceAll("^[a-zA-Z]*['\"]+|['\"]+$", "");
    }
}
