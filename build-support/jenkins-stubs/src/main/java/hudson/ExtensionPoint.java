package hudson;

/** Compile-only stub of hudson.ExtensionPoint (jenkins-core 2.541.3); never on a runtime classpath. */
public interface ExtensionPoint {
}
