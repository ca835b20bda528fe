package hudson;

import java.io.IOException;

/** Compile-only stub of hudson.AbortException (jenkins-core 2.541.3); never on a runtime classpath. */
public class AbortException extends IOException {
    public AbortException() {
    }

    public AbortException(String message) {
        super(message);
    }
}
