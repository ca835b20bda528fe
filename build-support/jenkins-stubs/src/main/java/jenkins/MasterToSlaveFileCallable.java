package jenkins;

import jenkins.agents.ControllerToAgentFileCallable;

/** Compile-only stub of jenkins.MasterToSlaveFileCallable (jenkins-core 2.541.3); never on a runtime classpath. */
public abstract class MasterToSlaveFileCallable<T> implements ControllerToAgentFileCallable<T> {
}
