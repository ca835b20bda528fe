package hudson;

/** Compile-only stub of hudson.Launcher (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Launcher {
}
