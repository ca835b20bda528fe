package hudson.model;

/** Compile-only stub of hudson.model.AbstractModelObject (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class AbstractModelObject {
}
