package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's Keras dataset cache: a host folder laid out like {@code ~/.keras/datasets} (doc/keras-datasets.md)
 * that trainings read {@code keras.datasets} from, since they have no network to download them. It is mounted
 * read-only into images that ask for it by declaring {@link #IMAGE_VARIABLE} (the mlops/keras image does), at the
 * path that variable names; the image serves Keras from there.
 *
 * @param folder the host folder; it is mounted only when it exists
 */
record KerasDatasets(Path folder) {
    /** Where mlops finds the cache: the operator's environment. */
    static final String VARIABLE = "MLOPS_KERAS_DATASETS";
    /** Declared by an image that reads a Keras dataset cache: where it expects it. */
    static final String IMAGE_VARIABLE = "MLOPS_KERAS_DATASETS_DIR";
    /** Tells the image which host folder the cache is, for its error messages. */
    static final String SOURCE_VARIABLE = "MLOPS_KERAS_DATASETS_SOURCE";

    /** The folder {@code MLOPS_KERAS_DATASETS} names, by default {@code ~/.mlops/keras-datasets}. */
    static KerasDatasets fromEnvironment(final Map<String, String> environment) {
        String configured = environment.get(VARIABLE);
        return new KerasDatasets(configured == null || configured.isBlank()
                ? Path.of(System.getProperty("user.home"), ".mlops", "keras-datasets")
                : Path.of(configured));
    }

    /** The read-only mount for {@code image}, when it reads a cache and the folder exists. */
    Optional<Mount> mount(final TrainerImage image) {
        return target(image).map(target -> new Mount().withType(MountType.BIND).withReadOnly(true)
                .withSource(folder.toAbsolutePath().toString()).withTarget(target));
    }

    /** The environment the image's error messages need: which host folder is mounted. */
    List<String> env(final TrainerImage image) {
        return target(image).map(target -> List.of(SOURCE_VARIABLE + "=" + folder.toAbsolutePath()))
                .orElse(List.of());
    }

    private Optional<String> target(final TrainerImage image) {
        if (!Files.isDirectory(folder)) {
            return Optional.empty();
        }
        return image.env().stream().filter(entry -> entry.startsWith(IMAGE_VARIABLE + "="))
                .map(entry -> entry.substring(IMAGE_VARIABLE.length() + 1))
                .filter(target -> target.startsWith("/")).findFirst();
    }
}
