package hudson.model;

/** Compile-only stub of hudson.model.Label (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Label extends Actionable {
    public static Label get(String l) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
