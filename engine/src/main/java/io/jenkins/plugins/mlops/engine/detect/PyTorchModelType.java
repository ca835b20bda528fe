package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** PyTorch: {@code torch.nn} modules and functions, torchvision's pretrained models, Lightning. */
final class PyTorchModelType extends ModelTypeDescriptor {
    private static final Map<String, Architecture> ARCHITECTURES = new HashMap<>();

    static {
        put(ARCHITECTURES, Architecture.CNN, "Conv1d", "Conv2d", "Conv3d", "ConvTranspose1d", "ConvTranspose2d",
                "ConvTranspose3d", "LazyConv1d", "LazyConv2d", "LazyConv3d", "conv1d", "conv2d", "conv3d",
                "conv_transpose1d", "conv_transpose2d", "conv_transpose3d");
        put(ARCHITECTURES, Architecture.RNN, "LSTM", "GRU", "RNN", "LSTMCell", "GRUCell", "RNNCell");
        put(ARCHITECTURES, Architecture.ANN, "Linear", "LazyLinear", "Bilinear");
        put(ARCHITECTURES, Architecture.OTHER, "Transformer", "TransformerEncoder", "TransformerDecoder",
                "TransformerEncoderLayer", "TransformerDecoderLayer", "MultiheadAttention");
    }

    @Override
    Framework framework() {
        return Framework.PYTORCH;
    }

    @Override
    String displayName() {
        return "PyTorch";
    }

    @Override
    List<String> modules() {
        return List.of("torch", "torchvision", "torchaudio", "torchtext", "pytorch_lightning", "lightning");
    }

    @Override
    Map<String, Architecture> architectures() {
        return ARCHITECTURES;
    }

    @Override
    Set<String> modelBuilders() {
        return Set.of("Module", "Sequential", "LightningModule");
    }

    @Override
    Optional<Architecture> architectureOfModule(final String qualifiedName) {
        boolean pretrained = qualifiedName.startsWith("torchvision.models.")
                && !inPackage(qualifiedName, "detection", "segmentation")
                && !qualifiedName.endsWith("_Weights");
        return pretrained ? Optional.of(Architecture.CNN) : Optional.empty();
    }

    @Override
    boolean isUtility(final String qualifiedName) {
        return inPackage(qualifiedName, "utils", "datasets", "transforms", "cuda", "manual_seed", "device",
                "backends");
    }
}
