package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Moves the workspace into a created container and the wanted files back out. The tar is written while the daemon
 * reads it (a pipe), so a large workspace never sits on disk twice. With a bind mount nothing moves: only the
 * parameters file is written into the workspace itself.
 */
final class WorkspaceTransfer {
    private static final int PIPE_BUFFER = 1 << 20;

    private final DockerClient docker;
    private final TrainingRequest request;
    private final ContainerSpec spec;

    WorkspaceTransfer(final DockerClient docker, final TrainingRequest request, final ContainerSpec spec) {
        this.docker = docker;
        this.request = request;
        this.spec = spec;
    }

    void copyIn(final String containerId, final RunLog log) {
        if (request.bindMount()) {
            writeParamsIntoWorkspace();
            return;
        }
        int[] ids = spec.numericIds();
        AtomicReference<IOException> failure = new AtomicReference<>();
        long started = System.nanoTime();
        try (PipedInputStream in = new PipedInputStream(PIPE_BUFFER)) {
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (out) {
                    WorkspaceArchive.write(request.workspace(), Map.of(ContainerSpec.PARAMS_FILE,
                            spec.paramsJson()), ids == null ? 0 : ids[0], ids == null ? 0 : ids[1], out);
                }
                catch (IOException e) {
                    failure.set(e);
                }
            }, "mlops-copy-in-" + request.trialNumber());
            writer.setDaemon(true);
            writer.start();
            try {
                // A user given by name is resolved by the daemon in the image's passwd (numeric ids it cannot).
                docker.copyArchiveToContainerCmd(containerId).withRemotePath(ContainerSpec.WORKSPACE)
                        .withCopyUIDGID(ids == null).withTarInputStream(in).exec();
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
            throw MlopsException.input("Cannot read the workspace " + request.workspace() + " to copy it into the "
                    + "container: " + failure.get().getMessage() + ". Check its files' permissions.");
        }
        log.info("Workspace copied into the container in %d ms", (System.nanoTime() - started) / 1_000_000);
    }

    /** Copies the metric files and artifacts the script wrote back into the workspace. */
    List<String> copyOut(final String containerId, final RunLog log) {
        if (request.bindMount()) {
            return List.of();
        }
        var wanted = new WorkspaceArchive.FileSelection(request.metricFiles(), request.artifacts());
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, ContainerSpec.WORKSPACE).exec()) {
            List<String> copied = new ArrayList<>(WorkspaceArchive.extract(tar, request.workspace(), wanted));
            if (!copied.isEmpty()) {
                log.info("Copied back into the workspace: %s", String.join(", ", copied));
            }
            return copied;
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot copy the results of trial " + request.trialNumber()
                    + " out of its container into " + request.workspace() + ": " + e.getMessage()
                    + ". Check free disk space and the workspace's permissions.", e);
        }
    }

    private void writeParamsIntoWorkspace() {
        try {
            AtomicFiles.write(request.workspace().resolve(ContainerSpec.PARAMS_FILE), spec.paramsJson());
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot write the parameters file into " + request.workspace() + ": "
                    + e.getMessage() + ". Check the workspace's permissions.");
        }
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
