package io.jenkins.plugins.mlops.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT/SIGTERM) ends the JVM without unwinding the training thread, which would leave the container
 * running: a shutdown hook interrupts the training instead, so it is cancelled, removed and recorded, and waits
 * for that (a few seconds at most). Any command that trains can use it.
 */
final class CancelOnExit implements AutoCloseable {
    private static final long GRACE_SECONDS = 15;

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    /** Interrupts {@code training} when the JVM is asked to end, until closed. */
    CancelOnExit(final Thread training) {
        hook = new Thread(() -> {
            training.interrupt();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "mlops-cancel-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** The trial is recorded: the JVM may end now. */
    void finished() {
        done.countDown();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and waits for finished()
        }
    }
}
