package hudson.model;

import java.io.Serializable;

/** Compile-only stub of hudson.model.Slave (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Slave extends Node implements Serializable {
}
