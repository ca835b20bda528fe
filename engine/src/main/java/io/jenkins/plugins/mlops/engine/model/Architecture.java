package io.jenkins.plugins.mlops.engine.model;

import java.util.Locale;

/** The kind of model a training script builds; {@link #id()} is the word used in run.json, JSON and the UI. */
public enum Architecture {
    CNN, ANN, RNN, LINEAR_REGRESSION, LOGISTIC_REGRESSION, KNN, TREE, SVM, OTHER, UNKNOWN;

    /** The lower-case word for this architecture, e.g. {@code linear_regression}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case word (case-insensitive); unknown words give {@link #UNKNOWN}. */
    public static Architecture fromId(final String id) {
        for (Architecture architecture : values()) {
            if (architecture.id().equalsIgnoreCase(id)) {
                return architecture;
            }
        }
        return UNKNOWN;
    }
}
