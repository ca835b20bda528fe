package hudson.tasks;

/** Compile-only stub of hudson.tasks.BuildStepCompatibilityLayer (jenkins-core 2.541.3); never on a runtime classpath. */
@Deprecated
public abstract class BuildStepCompatibilityLayer implements BuildStep {
}
