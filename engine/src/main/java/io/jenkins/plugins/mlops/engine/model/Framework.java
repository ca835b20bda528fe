package io.jenkins.plugins.mlops.engine.model;

import java.util.Locale;

/** The machine-learning framework a training script uses; {@link #id()} is the word used in run.json, JSON and the UI. */
public enum Framework {
    KERAS, PYTORCH, SKLEARN, XGBOOST, TENSORFLOW, UNKNOWN;

    /** The lower-case word for this framework, e.g. {@code pytorch}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the lower-case word (case-insensitive); unknown words give {@link #UNKNOWN}. */
    public static Framework fromId(final String id) {
        for (Framework framework : values()) {
            if (framework.id().equalsIgnoreCase(id)) {
                return framework;
            }
        }
        return UNKNOWN;
    }
}
