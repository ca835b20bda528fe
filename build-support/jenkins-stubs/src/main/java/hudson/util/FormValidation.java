package hudson.util;

import java.io.IOException;
import org.kohsuke.stapler.HttpResponse;

/** Compile-only stub of hudson.util.FormValidation (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class FormValidation extends IOException implements HttpResponse {
    public final Kind kind = null;

    /** Compile-only stub of hudson.util.FormValidation.Kind. */
    public enum Kind {
        OK,
        WARNING,
        ERROR
    }

    public static FormValidation error(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation warning(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation ok(String message) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public static FormValidation ok() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
