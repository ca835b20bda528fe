package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.File;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the operator (Jenkins global configuration, the CLI's environment) allows a pushed repository's
 * {@code mlops.yml} to set, and the operator's defaults. The operator is trusted, the repository is not: every
 * repository value that touches the host, the network or a mailbox is checked against this policy when the
 * configuration is loaded, and refused naming the key. {@link #DEFAULT} is strict.
 *
 * @param defaults             the operator's defaults, below mlops.yml and above the built-in defaults
 * @param datasetRoots         absolute host folders a repository's {@code train.dataset} may lie under (besides its
 *                             own folder); strings, as the policy travels to Jenkins agents
 * @param datasetVolumes       Docker volumes a repository's {@code train.dataset} may name
 * @param allowedImages        image patterns ({@code *} matches anything) a repository's {@code image} may name
 * @param maxMemoryBytes       the largest {@code train.memory} a repository may ask for
 * @param repositoryNetwork    whether a repository may set {@code train.network: bridge}
 * @param repositoryGpus       whether a repository may set {@code train.gpus: true}
 * @param repositoryRecipients whether a repository's {@code notify.to} may say where mail goes
 * @param trainerImages        the operator's trainer image per framework, over the tool's own (an {@code image} of
 *                             the step, of mlops.yml or of {@link #defaults()} beats it)
 */
public record OperatorPolicy(Overrides defaults, List<String> datasetRoots, Set<String> datasetVolumes,
        List<String> allowedImages, long maxMemoryBytes, boolean repositoryNetwork, boolean repositoryGpus,
        boolean repositoryRecipients, Map<Framework, String> trainerImages) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Images a repository may name unless the operator says otherwise: the tool's own trainer images. */
    public static final List<String> DEFAULT_IMAGES = List.of("mlops/*");
    /** The most memory a repository may ask for unless the operator says otherwise: 4 GiB. */
    public static final long DEFAULT_MAX_MEMORY = 4L << 30;
    /** The strict policy: no operator defaults, datasets only inside the repository, no network, GPUs or mail. */
    public static final OperatorPolicy DEFAULT = builder().build();

    public OperatorPolicy {
        defaults = defaults == null ? Overrides.NONE : defaults;
        datasetRoots = datasetRoots.stream().map(p -> Path.of(p).toAbsolutePath().normalize().toString()).toList();
        datasetVolumes = Set.copyOf(datasetVolumes);
        allowedImages = List.copyOf(allowedImages);
        trainerImages = trainerImages == null ? Map.of() : Map.copyOf(trainerImages);
        if (maxMemoryBytes <= 0) {
            throw new IllegalArgumentException("maxMemoryBytes must be above zero: " + maxMemoryBytes);
        }
    }

    /** A builder with the strict defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The policy of the CLI's operator, from {@code MLOPS_DATASET_ROOTS} (folders separated by the path separator),
     * {@code MLOPS_DATASET_VOLUMES} and {@code MLOPS_ALLOWED_IMAGES} (comma-separated), {@code MLOPS_MAX_MEMORY}
     * (e.g. 8g), {@code MLOPS_ALLOW_NETWORK}, {@code MLOPS_ALLOW_GPUS}, {@code MLOPS_ALLOW_REPOSITORY_RECIPIENTS}
     * (true/false) and the committer {@code MLOPS_GIT_COMMITTER_NAME}/{@code _EMAIL}. A bad value is refused
     * naming the variable.
     */
    public static OperatorPolicy fromEnvironment(final Map<String, String> environment) {
        Builder builder = builder();
        String roots = environment.get("MLOPS_DATASET_ROOTS");
        if (roots != null) {
            List<Path> paths = new ArrayList<>();
            for (String root : roots.split(File.pathSeparator)) {
                if (!root.isBlank()) {
                    paths.add(absolute("MLOPS_DATASET_ROOTS", root.trim()));
                }
            }
            builder.datasetRoots(paths);
        }
        builder.datasetVolumes(words(environment.get("MLOPS_DATASET_VOLUMES")));
        List<String> images = words(environment.get("MLOPS_ALLOWED_IMAGES"));
        if (!images.isEmpty()) {
            builder.allowedImages(images);
        }
        String memory = environment.get("MLOPS_MAX_MEMORY");
        if (memory != null && !memory.isBlank()) {
            builder.maxMemoryBytes(ConfigValues.parseSize("MLOPS_MAX_MEMORY", memory, "environment"));
        }
        builder.repositoryNetwork(flag(environment, "MLOPS_ALLOW_NETWORK"));
        builder.repositoryGpus(flag(environment, "MLOPS_ALLOW_GPUS"));
        builder.repositoryRecipients(flag(environment, "MLOPS_ALLOW_REPOSITORY_RECIPIENTS"));
        builder.defaults(Overrides.builder().committerName(environment.get("MLOPS_GIT_COMMITTER_NAME"))
                .committerEmail(environment.get("MLOPS_GIT_COMMITTER_EMAIL")).build());
        return builder.build();
    }

    /**
     * A memory size as an operator writes it ({@code 512m}, {@code 8g}), for front ends that take the policy from
     * their own settings (the Jenkins global configuration).
     *
     * @param label  the setting's name, for the message
     * @param origin where the setting is made, for the message
     * @param value  the text
     * @return the size in bytes
     * @throws MlopsException (input) naming the setting when the value is not a size
     */
    public static long parseMemory(final String label, final String origin, final String value) {
        return ConfigValues.parseSize(label, value, origin);
    }

    private static Path absolute(final String variable, final String folder) {
        Path path = Path.of(folder);
        if (!path.isAbsolute()) {
            throw MlopsException.input("environment: '" + variable + "' holds '" + folder
                    + "', expected absolute folders separated by '" + File.pathSeparator + "'.");
        }
        return path;
    }

    private static List<String> words(final String value) {
        List<String> words = new ArrayList<>();
        if (value != null) {
            for (String word : value.split(",")) {
                if (!word.isBlank()) {
                    words.add(word.trim());
                }
            }
        }
        return words;
    }

    private static boolean flag(final Map<String, String> environment, final String variable) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw MlopsException.input("environment: '" + variable + "' is '" + value
                    + "', expected true or false.");
        };
    }

    /** The dataset roots as paths. */
    public List<Path> datasetRootPaths() {
        return datasetRoots.stream().map(Path::of).toList();
    }

    /** Whether a repository may name {@code image}. */
    public boolean allowsImage(final String image) {
        return allows(allowedImages, image);
    }

    /** Whether one of {@code patterns} ({@code *} matches anything) matches {@code image}. */
    static boolean allows(final List<String> patterns, final String image) {
        return patterns.stream().anyMatch(pattern -> matches(pattern, image));
    }

    private static boolean matches(final String pattern, final String image) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return image.matches(regex.toString());
    }

    /** Builds an {@link OperatorPolicy}; unset parts keep the strict defaults. */
    public static final class Builder {
        private Overrides defaults = Overrides.NONE;
        private List<String> datasetRoots = List.of();
        private Set<String> datasetVolumes = Set.of();
        private List<String> allowedImages = DEFAULT_IMAGES;
        private long maxMemoryBytes = DEFAULT_MAX_MEMORY;
        private boolean repositoryNetwork;
        private boolean repositoryGpus;
        private boolean repositoryRecipients;
        private Map<Framework, String> trainerImages = Map.of();

        private Builder() {
        }

        public Builder defaults(final Overrides value) {
            defaults = value == null ? Overrides.NONE : value;
            return this;
        }

        public Builder datasetRoots(final List<Path> value) {
            datasetRoots = value.stream().map(Path::toString).toList();
            return this;
        }

        public Builder datasetVolumes(final Iterable<String> value) {
            Set<String> volumes = new LinkedHashSet<>();
            value.forEach(volumes::add);
            datasetVolumes = volumes;
            return this;
        }

        /** Image patterns; an empty list keeps {@link #DEFAULT_IMAGES}. */
        public Builder allowedImages(final List<String> value) {
            allowedImages = value.isEmpty() ? DEFAULT_IMAGES : List.copyOf(value);
            return this;
        }

        public Builder maxMemoryBytes(final long value) {
            maxMemoryBytes = value;
            return this;
        }

        public Builder repositoryNetwork(final boolean value) {
            repositoryNetwork = value;
            return this;
        }

        public Builder repositoryGpus(final boolean value) {
            repositoryGpus = value;
            return this;
        }

        public Builder repositoryRecipients(final boolean value) {
            repositoryRecipients = value;
            return this;
        }

        /** The operator's trainer image per framework; blank images are left out (the tool's own applies). */
        public Builder trainerImages(final Map<Framework, String> value) {
            Map<Framework, String> images = new EnumMap<>(Framework.class);
            value.forEach((framework, image) -> {
                if (image != null && !image.isBlank()) {
                    images.put(framework, image.trim());
                }
            });
            trainerImages = images;
            return this;
        }

        public OperatorPolicy build() {
            return new OperatorPolicy(defaults, datasetRoots, datasetVolumes, allowedImages, maxMemoryBytes,
                    repositoryNetwork, repositoryGpus, repositoryRecipients, trainerImages);
        }
    }
}
