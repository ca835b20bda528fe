package hudson.model;

import hudson.security.AccessControlled;

/** Compile-only stub of hudson.model.AbstractCIBase (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class AbstractCIBase extends Node implements AccessControlled {
}
