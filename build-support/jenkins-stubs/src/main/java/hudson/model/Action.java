package hudson.model;

/** Compile-only stub of hudson.model.Action (jenkins-core 2.541.3); never on a runtime classpath. */
public interface Action extends ModelObject {
    String getIconFileName();

    @Override
    String getDisplayName();

    String getUrlName();
}
