package hudson.model;

import java.io.PrintStream;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;

/** Compile-only stub of hudson.model.TaskListener (jenkins-core 2.541.3); never on a runtime classpath. */
public interface TaskListener extends SerializableOnlyOverRemoting {
    PrintStream getLogger();
}
