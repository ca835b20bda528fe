package hudson.model.queue;

import hudson.model.Queue.Task;
import org.springframework.security.core.Authentication;

/** Compile-only stub of hudson.model.queue.Tasks (jenkins-core 2.541.3); never on a runtime classpath. */
public class Tasks {
    public static Authentication getAuthenticationOf2(Task t) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
