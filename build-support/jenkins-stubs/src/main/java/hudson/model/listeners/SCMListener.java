package hudson.model.listeners;

import hudson.ExtensionPoint;
import hudson.FilePath;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.scm.SCM;
import hudson.scm.SCMRevisionState;
import java.io.File;

/** Compile-only stub of hudson.model.listeners.SCMListener (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class SCMListener implements ExtensionPoint {
    public void onCheckout(Run<?, ?> build, SCM scm, FilePath workspace, TaskListener listener,
            File changelogFile, SCMRevisionState pollingBaseline) throws Exception {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
