package hudson.model;

import hudson.security.AccessControlled;

/** Compile-only stub of hudson.model.Node (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Node extends AbstractModelObject implements AccessControlled {
}
