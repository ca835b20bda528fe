package io.jenkins.plugins.mlops.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry of frameworks and images, and the contract every framework descriptor keeps. */
class ModelTypeRegistryTest {
    static Iterable<ModelTypeDescriptor> descriptors() {
        return new ModelTypeRegistry().descriptors();
    }

    /** Default images and Dockerfile directories come from trainer-images.properties. */
    @Test
    void shouldReadDefaultImages() {
        ModelTypeRegistry registry = new ModelTypeRegistry();

        assertThat(registry.imageFor(Framework.KERAS)).contains("mlops/keras:0.1");
        assertThat(registry.imageFor(Framework.TENSORFLOW)).contains("mlops/keras:0.1");
        assertThat(registry.imageFor(Framework.PYTORCH)).contains("mlops/pytorch:0.1");
        assertThat(registry.imageFor(Framework.XGBOOST)).contains("mlops/sklearn:0.1");
        assertThat(registry.dockerfileFor(Framework.SKLEARN)).contains("Dockerfiles/sklearn");
        assertThat(registry.imageFor(Framework.UNKNOWN)).isEmpty();
        assertThat(registry.frameworks()).containsExactly(Framework.KERAS, Framework.PYTORCH, Framework.SKLEARN,
                Framework.XGBOOST, Framework.TENSORFLOW);
        assertThat(registry.displayName(Framework.SKLEARN)).isEqualTo("scikit-learn");
        assertThat(registry.displayName(Framework.UNKNOWN)).isEqualTo("unknown");
    }

    /** Overrides replace the default image of their framework only; blank ones are ignored. */
    @Test
    void shouldApplyOverrides() {
        ModelTypeRegistry registry = new ModelTypeRegistry(Map.of(Framework.PYTORCH, "me/torch:gpu",
                Framework.KERAS, " ", Framework.UNKNOWN, "x"));

        assertThat(registry.imageFor(Framework.PYTORCH)).contains("me/torch:gpu");
        assertThat(registry.imageFor(Framework.KERAS)).contains("mlops/keras:0.1");
        assertThat(registry.imageFor(Framework.UNKNOWN)).isEmpty();
    }

    /** tensorflow.keras belongs to Keras, the rest of tensorflow to TensorFlow. */
    @Test
    void shouldAskKerasBeforeTensorflow() {
        ModelTypeRegistry registry = new ModelTypeRegistry();

        assertThat(registry.owner("tensorflow.keras.layers.Dense")).get()
                .extracting(ModelTypeDescriptor::framework).isEqualTo(Framework.KERAS);
        assertThat(registry.owner("tensorflow.nn.conv2d")).get()
                .extracting(ModelTypeDescriptor::framework).isEqualTo(Framework.TENSORFLOW);
        assertThat(registry.owner("torchvision.models.resnet18")).get()
                .extracting(ModelTypeDescriptor::framework).isEqualTo(Framework.PYTORCH);
        assertThat(registry.owner("kerastuner.Hyperband")).isEmpty();
        assertThat(registry.owner("numpy.dot")).isEmpty();
    }

    /** Each descriptor has a name, an image, owns its modules, and turns its architecture members into model code. */
    @ParameterizedTest
    @MethodSource("descriptors")
    void shouldKeepTheDescriptorContract(final ModelTypeDescriptor descriptor) {
        assertThat(descriptor.displayName()).isNotBlank();
        assertThat(new ModelTypeRegistry().imageFor(descriptor.framework())).isPresent();
        assertThat(descriptor.modules()).isNotEmpty().allSatisfy(module -> {
            assertThat(descriptor.owns(module)).isTrue();
            assertThat(descriptor.owns(module + ".sub.Member")).isTrue();
            assertThat(descriptor.owns(module + "extra")).isFalse();
        });
        assertThat(descriptor.architectures()).isNotEmpty().allSatisfy((member, architecture) -> {
            ModelTypeDescriptor.Match match = descriptor.match(descriptor.modules().get(0) + ".x." + member);
            assertThat(match.architecture()).isEqualTo(architecture).isNotEqualTo(Architecture.UNKNOWN);
            assertThat(match.specific()).isTrue();
            assertThat(match.weight()).isEqualTo(ModelTypeDescriptor.MODEL_WEIGHT);
        });
        assertThat(descriptor.choose(java.util.List.of())).isEqualTo(Architecture.UNKNOWN);
    }
}
