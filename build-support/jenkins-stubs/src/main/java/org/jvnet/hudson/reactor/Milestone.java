package org.jvnet.hudson.reactor;

/** Compile-only stub of org.jvnet.hudson.reactor.Milestone (task-reactor 1.9); never on a runtime classpath. */
public interface Milestone {
}
