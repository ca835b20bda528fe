package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Low-level TensorFlow without Keras: variables, {@code tf.nn}, {@code tf.compat.v1} graphs, {@code tf.layers}.
 * {@code tensorflow.keras} belongs to {@link KerasModelType}, which the registry asks first.
 */
final class TensorflowModelType extends ModelTypeDescriptor {
    private static final Map<String, Architecture> ARCHITECTURES = new HashMap<>();

    static {
        put(ARCHITECTURES, Architecture.CNN, "conv1d", "conv2d", "conv3d", "conv2d_transpose", "conv3d_transpose",
                "depthwise_conv2d", "separable_conv2d", "atrous_conv2d", "convolution", "Conv2D", "Conv1D");
        put(ARCHITECTURES, Architecture.RNN, "dynamic_rnn", "static_rnn", "bidirectional_dynamic_rnn",
                "static_bidirectional_rnn", "LSTMCell", "GRUCell", "BasicLSTMCell", "BasicRNNCell", "MultiRNNCell",
                "LSTMBlockCell");
        put(ARCHITECTURES, Architecture.ANN, "matmul", "dense", "Dense", "xw_plus_b");
    }

    @Override
    Framework framework() {
        return Framework.TENSORFLOW;
    }

    @Override
    String displayName() {
        return "TensorFlow";
    }

    @Override
    List<String> modules() {
        return List.of("tensorflow");
    }

    @Override
    Map<String, Architecture> architectures() {
        return ARCHITECTURES;
    }

    @Override
    boolean isUtility(final String qualifiedName) {
        return inPackage(qualifiedName, "data", "io", "random", "config", "debugging", "summary")
                || qualifiedName.equals("tensorflow");
    }
}
