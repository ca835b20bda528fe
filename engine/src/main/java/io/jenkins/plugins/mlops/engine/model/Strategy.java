package io.jenkins.plugins.mlops.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a study tweaks between trials. {@link #id()} is the word of mlops.yml ({@code strategy:}), the CLI
 * ({@code --strategy}) and the plugin's forms.
 */
public enum Strategy {
    /** Sample the search space when the repository declares one, else rewrite the source. */
    AUTO("auto"),
    /** Sample parameters from the search space. */
    SEARCH_SPACE("search_space"),
    /** Edit the model code. */
    SOURCE_REWRITE("source_rewrite");

    private final String id;

    Strategy(final String id) {
        this.id = id;
    }

    /** The word for this strategy. */
    public String id() {
        return id;
    }

    /** The strategy called {@code id}, if any. */
    public static Optional<Strategy> of(final String id) {
        return Arrays.stream(values()).filter(strategy -> strategy.id.equals(id)).findFirst();
    }

    /** Every word, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Strategy::id).toList();
    }
}
