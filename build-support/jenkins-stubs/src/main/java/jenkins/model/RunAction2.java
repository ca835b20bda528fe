package jenkins.model;

import hudson.model.Action;
import hudson.model.Run;

/** Compile-only stub of jenkins.model.RunAction2 (jenkins-core 2.541.3); never on a runtime classpath. */
public interface RunAction2 extends Action {
    void onAttached(Run<?, ?> r);

    void onLoad(Run<?, ?> r);
}
