package hudson.scm;

import hudson.ExtensionPoint;
import hudson.model.Describable;

/** Compile-only stub of hudson.scm.SCM (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class SCM implements Describable<SCM>, ExtensionPoint {
    public String getKey() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
