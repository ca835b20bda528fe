package hudson.model;

import hudson.tasks.Builder;
import hudson.util.DescribableList;

/** Compile-only stub of hudson.model.Project (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Project<P extends Project<P, B>, B extends Build<P, B>> extends AbstractProject<P, B> {
    public DescribableList<Builder, Descriptor<Builder>> getBuildersList() {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
