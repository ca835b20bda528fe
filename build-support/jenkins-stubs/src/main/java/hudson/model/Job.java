package hudson.model;

/** Compile-only stub of hudson.model.Job (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Job<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends AbstractItem {
    public RunT getBuildByNumber(int n) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
