package hudson.model;

import hudson.util.XStream2;
import java.io.File;

/** Compile-only stub of hudson.model.Run (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>> extends Actionable {
    public static final XStream2 XSTREAM2 = null;

    public Result getResult() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public void setResult(Result r) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public JobT getParent() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public RunT getPreviousBuild() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    public File getRootDir() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void addAction(Action a) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
