package hudson.init;

import org.jvnet.hudson.reactor.Milestone;

/**
 * Compile-only stub of hudson.init.InitMilestone (jenkins-core 2.541.3); never on a runtime classpath. Only the
 * milestones the plugin and the annotation defaults name.
 */
public enum InitMilestone implements Milestone {
    STARTED,
    PLUGINS_STARTED,
    COMPLETED
}
