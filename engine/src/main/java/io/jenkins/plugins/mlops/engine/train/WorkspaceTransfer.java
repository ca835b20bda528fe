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
 * reads it ({@link TarUpload}); a study's trial sends only its own files, into its {@link TrialLayer} over the
 * {@link SharedWorkspace}, and its files come back out of that layer. With a bind mount nothing moves: only the
 * parameters file is written into the workspace itself.
 */
final class WorkspaceTransfer {
    private final DockerClient control;
    private final DockerClient docker;
    private final TrainingRequest request;
    private final ContainerSpec spec;
    private final TrainerImage image;
    /** The training user's numeric uid and gid, or {@code null} when the image does not know its user's name. */
    private final int[] ids;
    private final SandboxPolicy policy;
    private TrialLayer layer;

    WorkspaceTransfer(final DockerClient control, final DockerClient docker, final TrainingRequest request,
            final ContainerSpec spec, final TrainerImage image, final int[] ids, final SandboxPolicy policy) {
        this.control = control;
        this.docker = docker;
        this.request = request;
        this.spec = spec;
        this.image = image;
        this.ids = ids;
        this.policy = policy;
    }

    /**
     * For a study's trial: makes its layer with its own files over the shared copy, before its container is created,
     * and returns the volume to mount as its workspace; otherwise {@code null} (the workspace goes in by
     * {@link #copyIn}).
     */
    String layer(final RunLog log) {
        SharedWorkspace shared = request.shared();
        if (shared == null || !shared.layered() || request.bindMount()) {
            return null;
        }
        long started = System.nanoTime();
        try {
            layer = TrialLayer.create(control, docker, shared, image, spec.user(), ids == null, spec.labels(),
                    out -> {
                        WorkspaceArchive.writeLayer(request.workspace(), spec.addedFiles(), ids == null ? 0 : ids[0],
                                ids == null ? 0 : ids[1], out);
                        return null;
                    });
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the workspace " + request.workspace() + " to copy it into the "
                    + "container: " + e.getMessage() + ". Check its files' permissions.");
        }
        log.info("Trial files copied into the trial's layer in %d ms (the rest of the workspace is the study's shared "
                + "copy below it)", (System.nanoTime() - started) / 1_000_000);
        return layer.workspaceVolume();
    }

    void copyIn(final String containerId, final RunLog log) {
        if (request.bindMount()) {
            writeIntoWorkspace(spec.addedFiles());
            return;
        }
        if (layer != null) {
            return;
        }
        int uid = ids == null ? 0 : ids[0];
        int gid = ids == null ? 0 : ids[1];
        Map<String, byte[]> added = spec.addedFiles();
        long started = System.nanoTime();
        try {
            // A user whose ids are unknown is left to the daemon (which looks names up on its host).
            SharedWorkspace shared = request.shared();
            TarUpload.upload(docker, containerId, ContainerSpec.WORKSPACE, ids == null, out -> {
                if (shared == null) {
                    WorkspaceArchive.write(request.workspace(), added, uid, gid, out);
                }
                else {
                    // A study's trial on a daemon without layers: the whole workspace, the trial's files over it.
                    WorkspaceArchive.writeOver(shared.source(), request.workspace(), added, uid, gid, out);
                }
                return null;
            }, "mlops-copy-in-" + request.trialNumber());
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the workspace " + request.workspace() + " to copy it into the "
                    + "container: " + e.getMessage() + ". Check its files' permissions.");
        }
        log.info("Workspace copied into the container in %d ms", (System.nanoTime() - started) / 1_000_000);
        if (ids != null && spec.userReplaced()) {
            warnIfTopFolderIsNotWritable(containerId, ids[0], log);
        }
    }

    /** The metric files and artifacts: what comes back. */
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
        try (InputStream tar = layer != null ? layer.upper(docker)
                : docker.copyArchiveFromContainerCmd(containerId, ContainerSpec.WORKSPACE).exec()) {
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

    /** Removes the trial's layer, if it has one (after its container). */
    void remove() {
        if (layer != null) {
            layer.remove();
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
