package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Keras, standalone or as {@code tensorflow.keras} ({@code tf.keras} once the alias is followed). */
final class KerasModelType extends ModelTypeDescriptor {
    private static final Map<String, Architecture> ARCHITECTURES = new HashMap<>();

    static {
        put(ARCHITECTURES, Architecture.CNN, "Conv1D", "Conv2D", "Conv3D", "Convolution1D", "Convolution2D",
                "Convolution3D", "SeparableConv1D", "SeparableConv2D", "SeparableConvolution1D",
                "SeparableConvolution2D", "DepthwiseConv1D", "DepthwiseConv2D", "Conv1DTranspose", "Conv2DTranspose",
                "Conv3DTranspose", "Convolution2DTranspose", "Deconvolution2D", "Deconvolution3D", "ConvLSTM1D",
                "ConvLSTM2D", "ConvLSTM3D", "AtrousConvolution2D");
        put(ARCHITECTURES, Architecture.RNN, "LSTM", "GRU", "SimpleRNN", "RNN", "CuDNNLSTM", "CuDNNGRU",
                "LSTMCell", "GRUCell", "SimpleRNNCell", "StackedRNNCells");
        put(ARCHITECTURES, Architecture.ANN, "Dense");
        put(ARCHITECTURES, Architecture.OTHER, "MultiHeadAttention", "Attention", "AdditiveAttention");
    }

    @Override
    Framework framework() {
        return Framework.KERAS;
    }

    @Override
    String displayName() {
        return "Keras";
    }

    @Override
    List<String> modules() {
        return List.of("keras", "tensorflow.keras", "tensorflow.python.keras", "tf_keras");
    }

    @Override
    Map<String, Architecture> architectures() {
        return ARCHITECTURES;
    }

    @Override
    Set<String> modelBuilders() {
        return Set.of("Sequential", "Model", "Input", "load_model");
    }

    @Override
    Optional<Architecture> architectureOfModule(final String qualifiedName) {
        String member = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        boolean pretrained = inPackage(qualifiedName, "applications") && !member.isEmpty()
                && Character.isUpperCase(member.charAt(0));
        return pretrained ? Optional.of(Architecture.CNN) : Optional.empty();
    }

    /** Optimizers and losses are used by low-level TensorFlow code too; only layers and models make a Keras model. */
    @Override
    boolean isUtility(final String qualifiedName) {
        return inPackage(qualifiedName, "datasets", "utils", "preprocessing", "callbacks", "backend", "optimizers",
                "losses", "metrics", "initializers", "regularizers", "activations", "mixed_precision");
    }
}
