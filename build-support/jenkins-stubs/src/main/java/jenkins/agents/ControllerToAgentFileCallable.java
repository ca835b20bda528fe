package jenkins.agents;

import hudson.FilePath;

/** Compile-only stub of jenkins.agents.ControllerToAgentFileCallable (jenkins-core 2.541.3); never on a runtime classpath. */
public interface ControllerToAgentFileCallable<T> extends FilePath.FileCallable<T> {
}
