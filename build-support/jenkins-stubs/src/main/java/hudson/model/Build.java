package hudson.model;

/** Compile-only stub of hudson.model.Build (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Build<P extends Project<P, B>, B extends Build<P, B>> extends AbstractBuild<P, B> {
}
