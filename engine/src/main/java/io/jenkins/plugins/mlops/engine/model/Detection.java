package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/**
 * The result of model-type detection as run.json keeps it.
 *
 * @param entry      the training entry point, relative to the workspace (forward slashes)
 * @param type       framework and architecture
 * @param image      the trainer image picked for the framework
 * @param confidence 0..1, how sure the classification is
 * @param partial    whether some code could not be read (did not tokenize or parse) and the answer rests on the rest
 * @param evidence   the signals the classification rests on
 */
public record Detection(String entry, ModelType type, String image, double confidence, boolean partial,
        List<Evidence> evidence) implements Serializable {
    private static final long serialVersionUID = 1L;

    public Detection {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(type, "type");
        evidence = List.copyOf(evidence);
    }

    /**
     * One signal in the code.
     *
     * @param file   the file, relative to the workspace
     * @param line   1-based line
     * @param signal the token(s) that were recognised, e.g. {@code keras.layers.Conv2D}
     */
    public record Evidence(String file, int line, String signal) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
