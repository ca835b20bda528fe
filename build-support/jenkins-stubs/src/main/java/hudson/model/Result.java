package hudson.model;

import java.io.Serializable;

/** Compile-only stub of hudson.model.Result (jenkins-core 2.541.3); never on a runtime classpath. */
public final class Result implements Serializable {
    public static final Result SUCCESS = null;
    public static final Result UNSTABLE = null;
    public static final Result FAILURE = null;
}
