package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * Moves the workspace into a created container and the wanted files back out. The tar is written while the daemon
 * reads it ({@link TarUpload}); a study's trial sends only its own files over the {@link SharedWorkspace}. With a
 * bind mount nothing moves: only the parameters file is written into the workspace itself.
 */
final class WorkspaceTransfer {
    private final DockerClient docker;
    private final TrainingRequest request;
    private final ContainerSpec spec;
    private final SandboxPolicy policy;

    WorkspaceTransfer(final DockerClient docker, final TrainingRequest request, final ContainerSpec spec,
            final SandboxPolicy policy) {
        this.docker = docker;
        this.request = request;
        this.spec = spec;
        this.policy = policy;
    }

    void copyIn(final String containerId, final RunLog log) {
        if (request.bindMount()) {
            writeIntoWorkspace(spec.addedFiles());
            return;
        }
        int[] ids = spec.numericIds();
        int uid = ids == null ? 0 : ids[0];
        int gid = ids == null ? 0 : ids[1];
        Map<String, byte[]> added = spec.addedFiles();
        SharedWorkspace shared = request.shared();
        long started = System.nanoTime();
        try {
            // A user given by name is resolved by the daemon in the image's passwd (numeric ids it cannot).
            TarUpload.upload(docker, containerId, ContainerSpec.WORKSPACE, ids == null, out -> {
                if (shared == null) {
                    WorkspaceArchive.write(request.workspace(), added, uid, gid, out);
                }
                else {
                    WorkspaceArchive.writeOverlay(shared, request.workspace(), wanted(), added, uid, gid, out);
                }
                return null;
            }, "mlops-copy-in-" + request.trialNumber());
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the workspace " + request.workspace() + " to copy it into the "
                    + "container: " + e.getMessage() + ". Check its files' permissions.");
        }
        log.info(shared == null ? "Workspace copied into the container in %d ms"
                : "Trial files copied into the container in %d ms (the rest of the workspace links to the study's "
                + "shared copy)", (System.nanoTime() - started) / 1_000_000);
        if (ids != null && spec.userReplaced()) {
            warnIfTopFolderIsNotWritable(containerId, ids[0], log);
        }
    }

    /** The metric files and artifacts: what comes back, and what a trial must be able to overwrite. */
    private WorkspaceArchive.FileSelection wanted() {
        return new WorkspaceArchive.FileSelection(request.metricFiles(), request.artifacts());
    }

    /**
     * The copy cannot change the owner of {@code /workspace} itself (Docker skips the tar's root entry): in an image
     * that did not prepare it for its user, the script can write only into subfolders. Say so before it fails.
     */
    private void warnIfTopFolderIsNotWritable(final String containerId, final int uid, final RunLog log) {
        try (InputStream in = docker.copyArchiveFromContainerCmd(containerId, ContainerSpec.WORKSPACE + "/.").exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            TarArchiveEntry top = tar.getNextEntry();
            if (top != null && top.getLongUserId() != uid && (top.getMode() & 0002) == 0) {
                log.info("Warning: %s in image %s belongs to uid %d, not to the training user %d: the script "
                        + "can write only into subfolders. Add `RUN mkdir -p /workspace && chown %d /workspace` "
                        + "to its Dockerfile (as Dockerfiles/* do).", ContainerSpec.WORKSPACE, request.image(),
                        top.getLongUserId(), uid, uid);
            }
        }
        catch (IOException e) {
            // Only a hint is lost; the training itself will show any real problem.
        }
    }

    /** Copies the metric files and artifacts the script wrote back into the workspace, as far as allowed. */
    CopyBack.Result copyOut(final String containerId, final RunLog log) {
        if (request.bindMount()) {
            return new CopyBack.Result(List.of(), List.of());
        }
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, ContainerSpec.WORKSPACE).exec()) {
            CopyBack.Result result = new CopyBack(request.workspace(), wanted(), policy).extract(tar);
            if (!result.copied().isEmpty()) {
                log.info("Copied back into the workspace: %s", String.join(", ", result.copied()));
            }
            if (!result.notCopied().isEmpty()) {
                log.error("Not copied back from trial %d's container: %s", request.trialNumber(),
                        String.join("; ", result.notCopied()));
            }
            return result;
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot copy the results of trial " + request.trialNumber()
                    + " out of its container into " + request.workspace() + ": " + e.getMessage()
                    + ". Check free disk space and the workspace's permissions.", e);
        }
    }

    private void writeIntoWorkspace(final Map<String, byte[]> files) {
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try {
                AtomicFiles.write(request.workspace().resolve(file.getKey()), file.getValue());
            }
            catch (IOException e) {
                throw MlopsException.input("Cannot write " + file.getKey() + " into " + request.workspace() + ": "
                        + e.getMessage() + ". Check the workspace's permissions.");
            }
        }
    }
}
