package hudson.model;

/** Compile-only stub of hudson.model.AbstractBuild (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class AbstractBuild<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Run<P, R> implements Queue.Executable {
}
