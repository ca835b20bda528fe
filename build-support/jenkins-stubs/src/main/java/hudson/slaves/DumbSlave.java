package hudson.slaves;

import hudson.model.Slave;

/** Compile-only stub of hudson.slaves.DumbSlave (jenkins-core 2.541.3); never on a runtime classpath. */
public final class DumbSlave extends Slave {
}
