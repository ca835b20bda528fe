package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;

/**
 * One use of framework code in a file.
 *
 * @param framework    the framework that owns the name
 * @param architecture what it implies, {@link Architecture#UNKNOWN} when nothing
 * @param weight       how much it counts toward the framework
 * @param file         the file, relative to the workspace
 * @param line         1-based line
 * @param name         the qualified name, e.g. {@code keras.layers.Conv2D}
 */
record Signal(Framework framework, Architecture architecture, double weight, String file, int line, String name) {
    /** Whether this is model code rather than a utility. */
    boolean isModelCode() {
        return weight >= ModelTypeDescriptor.MODEL_WEIGHT;
    }

    /** The evidence entry for this signal. */
    Detection.Evidence toEvidence() {
        return new Detection.Evidence(file, line, name);
    }
}
