package hudson.model;

import hudson.security.AccessControlled;
import hudson.security.Permission;

/** Compile-only stub of hudson.model.Item (jenkins-core 2.541.3); never on a runtime classpath. */
public interface Item extends AccessControlled {
    Permission CONFIGURE = null;
    Permission EXTENDED_READ = null;

    String getFullName();
}
