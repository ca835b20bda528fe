package jenkins.model;

import hudson.model.AbstractCIBase;
import hudson.security.Permission;

/** Compile-only stub of jenkins.model.Jenkins (jenkins-core 2.541.3); never on a runtime classpath. */
public class Jenkins extends AbstractCIBase {
    public static final Permission ADMINISTER = null;

    public static Jenkins get() throws IllegalStateException {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
