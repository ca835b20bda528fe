package io.jenkins.plugins.mlops.engine.train;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Runs a short Docker call that creates something (a container, a volume) to its end even when the caller is
 * interrupted meanwhile, and keeps the interrupt for after. An abort that cut the call would lose the daemon's answer,
 * not what the daemon made: the container would exist with nobody knowing its id to remove it.
 */
final class Uninterruptible {
    private Uninterruptible() {
    }

    static <T> T call(final Supplier<T> dockerCall) {
        CompletableFuture<T> call = CompletableFuture.supplyAsync(dockerCall, task -> {
            Thread thread = new Thread(task, "mlops-docker-create");
            thread.setDaemon(true);
            thread.start();
        });
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return call.get();
                }
                catch (InterruptedException e) {
                    interrupted = true;
                }
                catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException failure) {
                        throw failure;
                    }
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
