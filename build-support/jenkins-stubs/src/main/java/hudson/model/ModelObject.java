package hudson.model;

/** Compile-only stub of hudson.model.ModelObject (jenkins-core 2.541.3); never on a runtime classpath. */
public interface ModelObject {
    String getDisplayName();
}
