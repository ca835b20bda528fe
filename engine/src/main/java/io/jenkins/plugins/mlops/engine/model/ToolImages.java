package io.jenkins.plugins.mlops.engine.model;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The tool's own trainer images, as the classpath resource {@value #RESOURCE} lists them ({@code framework=image|
 * Dockerfile directory}): the detector picks from them, and an image recorded in run.json that is one of them needs
 * no word from the operator.
 */
public final class ToolImages {
    /** The resource with the default trainer image per framework. */
    public static final String RESOURCE = "/io/jenkins/plugins/mlops/engine/model/trainer-images.properties";

    private ToolImages() {
    }

    /** The resource's entries, {@code framework -> image|Dockerfile directory}. */
    public static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = ToolImages.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw MlopsException.input("The trainer image list " + RESOURCE + " is missing from the "
                        + "classpath. Rebuild the engine jar.");
            }
            properties.load(in);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the trainer image list " + RESOURCE + ": "
                    + e.getMessage() + ". Rebuild the engine jar.");
        }
        return properties;
    }

    /** The image names (tags) of the list. */
    public static Set<String> images() {
        return load().values().stream().map(value -> value.toString().split("\\|", 2)[0].trim())
                .collect(Collectors.toUnmodifiableSet());
    }
}
