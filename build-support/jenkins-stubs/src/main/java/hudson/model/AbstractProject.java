package hudson.model;

import jenkins.model.ParameterizedJobMixIn;

/** Compile-only stub of hudson.model.AbstractProject (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class AbstractProject<P extends AbstractProject<P, R>, R extends AbstractBuild<P, R>> extends Job<P, R> implements BuildableItem, ParameterizedJobMixIn.ParameterizedJob<P, R> {
}
