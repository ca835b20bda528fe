package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Copies a tar into a created container while it is written (a pipe), so that a large workspace never sits on disk
 * twice and the daemon unpacks while the files are still being read.
 */
final class TarUpload {
    private static final int PIPE_BUFFER = 1 << 20;

    /** Writes the tar; returns what the caller wants to know about it. */
    @FunctionalInterface
    interface TarSource<T> {
        T write(OutputStream target) throws IOException;
    }

    private TarUpload() {
    }

    /**
     * Unpacks what {@code source} writes at {@code path} of container {@code containerId}; with {@code copyUidGid}
     * the daemon gives the files the container user's ids (for a user given by name, which only the image's passwd
     * resolves), otherwise they keep the tar's.
     *
     * @throws IOException when {@code source} could not write (a file of the workspace could not be read)
     */
    static <T> T upload(final DockerClient docker, final String containerId, final String path,
            final boolean copyUidGid, final TarSource<T> source, final String threadName) throws IOException {
        AtomicReference<IOException> failure = new AtomicReference<>();
        AtomicReference<T> written = new AtomicReference<>();
        try (PipedInputStream in = new PipedInputStream(PIPE_BUFFER)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    written.set(source.write(out));
                }
                catch (IOException e) {
                    failure.set(e);
                }
            }, threadName);
            writer.setDaemon(true);
            writer.start();
            try {
                docker.copyArchiveToContainerCmd(containerId).withRemotePath(path).withCopyUIDGID(copyUidGid)
                        .withTarInputStream(in).exec();
            }
            finally {
                in.close();
                joinQuietly(writer);
            }
        }
        catch (IOException e) {
            failure.compareAndSet(null, e);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return written.get();
    }

    private static void joinQuietly(final Thread writer) {
        try {
            writer.join();
        }
        catch (InterruptedException e) {
            // The trainer checks the interrupt right after the copy and cancels the trial.
            Thread.currentThread().interrupt();
        }
    }
}
