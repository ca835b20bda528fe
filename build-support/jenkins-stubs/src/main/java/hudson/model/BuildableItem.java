package hudson.model;

import hudson.model.Queue.Task;

/** Compile-only stub of hudson.model.BuildableItem (jenkins-core 2.541.3); never on a runtime classpath. */
public interface BuildableItem extends Item, Task {
}
