package hudson.util;

import java.io.Serializable;

/** Compile-only stub of hudson.util.Secret (jenkins-core 2.541.3); never on a runtime classpath. */
public final class Secret implements Serializable {
    public String getPlainText() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
