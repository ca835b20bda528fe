package io.jenkins.plugins.mlops.engine.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How a study runs its trials. {@link #id()} is the word of mlops.yml ({@code mode:}), the CLI ({@code --mode}), the
 * plugin's forms and run.json.
 */
public enum Mode {
    /** Every trial in one chain (one build, one {@code mlops run}). */
    IN_BUILD("in-build"),
    /** Each tweak is committed and pushed; the next poll trains it. */
    VIA_GIT("via-git");

    private final String id;

    Mode(final String id) {
        this.id = id;
    }

    /** The word for this mode. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The mode called {@code id}, if any. */
    public static Optional<Mode> of(final String id) {
        return Arrays.stream(values()).filter(mode -> mode.id.equals(id)).findFirst();
    }

    /** The mode called {@code id} in run.json. */
    @JsonCreator
    static Mode read(final String id) {
        return of(id).orElseThrow(() -> new IllegalArgumentException("unknown mode '" + id + "', expected one of "
                + String.join(", ", ids())));
    }

    /** Every word, in declaration order. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(Mode::id).toList();
    }
}
