package hudson.scm;

import hudson.model.Action;

/** Compile-only stub of hudson.scm.SCMRevisionState (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class SCMRevisionState implements Action {
}
