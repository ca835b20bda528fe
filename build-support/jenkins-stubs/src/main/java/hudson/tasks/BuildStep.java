package hudson.tasks;

/** Compile-only stub of hudson.tasks.BuildStep (jenkins-core 2.541.3); never on a runtime classpath. */
public interface BuildStep {
}
