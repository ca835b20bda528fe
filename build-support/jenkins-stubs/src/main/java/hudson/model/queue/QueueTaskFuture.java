package hudson.model.queue;

import hudson.model.Queue.Executable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** Compile-only stub of hudson.model.queue.QueueTaskFuture (jenkins-core 2.541.3); never on a runtime classpath. */
public interface QueueTaskFuture<R extends Executable> extends Future<R> {
    R waitForStart() throws InterruptedException, ExecutionException;
}
