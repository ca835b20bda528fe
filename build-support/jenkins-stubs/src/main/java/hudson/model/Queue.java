package hudson.model;

/** Compile-only stub of hudson.model.Queue (jenkins-core 2.541.3); never on a runtime classpath. */
public class Queue extends ResourceController {
    /** Compile-only stub of hudson.model.Queue.Task. */
    public interface Task {
    }

    /** Compile-only stub of hudson.model.Queue.Executable. */
    public interface Executable {
    }
}
