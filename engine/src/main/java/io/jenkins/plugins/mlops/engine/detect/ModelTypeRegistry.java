package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ToolImages;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The frameworks the detector recognises, each with the trainer image that trains it. Default images come from the
 * classpath resource {@value #IMAGES_RESOURCE} (the one place image names live, {@code framework=image|Dockerfile
 * dir}); configuration overrides them per framework. Front ends list {@link #frameworks()} by id.
 */
public final class ModelTypeRegistry {
    /** The resource with the default trainer images. */
    public static final String IMAGES_RESOURCE = ToolImages.RESOURCE;

    /** Asked in this order: Keras before low-level TensorFlow, because {@code tensorflow.keras} is Keras. */
    private static final List<ModelTypeDescriptor> DESCRIPTORS = List.of(new KerasModelType(),
            new PyTorchModelType(), new SklearnModelType(), new XgboostModelType(), new TensorflowModelType());

    private final Map<Framework, String> images = new EnumMap<>(Framework.class);
    private final Map<Framework, String> dockerfiles = new EnumMap<>(Framework.class);

    /** The registry with the default images. */
    public ModelTypeRegistry() {
        this(Map.of());
    }

    /** The registry with the default images, replaced by {@code imageOverrides} where given (blank values ignored). */
    public ModelTypeRegistry(final Map<Framework, String> imageOverrides) {
        Properties defaults = loadDefaults();
        for (ModelTypeDescriptor descriptor : DESCRIPTORS) {
            String value = defaults.getProperty(descriptor.framework().id(), "");
            String[] parts = value.split("\\|", 2);
            if (!parts[0].isBlank()) {
                images.put(descriptor.framework(), parts[0].trim());
            }
            if (parts.length == 2 && !parts[1].isBlank()) {
                dockerfiles.put(descriptor.framework(), parts[1].trim());
            }
        }
        imageOverrides.forEach((framework, image) -> {
            if (framework != Framework.UNKNOWN && image != null && !image.isBlank()) {
                images.put(framework, image.trim());
            }
        });
    }

    /** The recognised frameworks, in the order they are asked. */
    public List<Framework> frameworks() {
        return DESCRIPTORS.stream().map(ModelTypeDescriptor::framework).toList();
    }

    /** A name for people, e.g. {@code scikit-learn}; the id for {@link Framework#UNKNOWN}. */
    public String displayName(final Framework framework) {
        return descriptor(framework).map(ModelTypeDescriptor::displayName).orElse(framework.id());
    }

    /** The trainer image for {@code framework}; empty for {@link Framework#UNKNOWN}. */
    public Optional<String> imageFor(final Framework framework) {
        return Optional.ofNullable(images.get(framework));
    }

    /** The Dockerfile directory (relative to this project's root) of the default image for {@code framework}. */
    public Optional<String> dockerfileFor(final Framework framework) {
        return Optional.ofNullable(dockerfiles.get(framework));
    }

    /** The descriptors, in the order they are asked. */
    List<ModelTypeDescriptor> descriptors() {
        return DESCRIPTORS;
    }

    /** The descriptor of the framework that owns {@code qualifiedName}, if any. */
    Optional<ModelTypeDescriptor> owner(final String qualifiedName) {
        return DESCRIPTORS.stream().filter(descriptor -> descriptor.owns(qualifiedName)).findFirst();
    }

    /** The top-level modules of every recognised framework, for messages that say what was looked for. */
    List<String> modules() {
        return DESCRIPTORS.stream().flatMap(descriptor -> descriptor.modules().stream()).toList();
    }

    private Optional<ModelTypeDescriptor> descriptor(final Framework framework) {
        return DESCRIPTORS.stream().filter(descriptor -> descriptor.framework() == framework).findFirst();
    }

    private static Properties loadDefaults() {
        return ToolImages.load();
    }
}
