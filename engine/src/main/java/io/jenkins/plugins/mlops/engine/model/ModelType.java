package io.jenkins.plugins.mlops.engine.model;

import java.io.Serializable;
import java.util.Objects;

/**
 * What a training script is: its framework and its architecture.
 *
 * @param framework    e.g. {@link Framework#KERAS}
 * @param architecture e.g. {@link Architecture#CNN}
 */
public record ModelType(Framework framework, Architecture architecture) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The type of a script nothing could be recognised in. */
    public static final ModelType UNKNOWN = new ModelType(Framework.UNKNOWN, Architecture.UNKNOWN);

    public ModelType {
        Objects.requireNonNull(framework, "framework");
        Objects.requireNonNull(architecture, "architecture");
    }

    @Override
    public String toString() {
        return framework.id() + "/" + architecture.id();
    }
}
