package io.jenkins.plugins.mlops.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The samplers a study may use to pick parameters from a search space. {@link #id()} is the word of mlops.yml
 * ({@code sampler:}), the CLI ({@code --sampler}) and the plugin's forms.
 */
public enum SamplerName {
    /** Tree-structured Parzen estimator: learns from the trials so far (the default). */
    TPE,
    /** Independent random draws. */
    RANDOM,
    /** Every combination of a discretised space, in order. */
    GRID;

    /** The lower-case word for this sampler. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The sampler called {@code id}, if any. */
    public static Optional<SamplerName> of(final String id) {
        return Arrays.stream(values()).filter(sampler -> sampler.id().equals(id)).findFirst();
    }

    /** Every word, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(SamplerName::id).toList();
    }
}
