package hudson.tasks;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Compile-only stub of hudson.tasks.Builder (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Builder extends BuildStepCompatibilityLayer implements Describable<Builder>, ExtensionPoint {
}
