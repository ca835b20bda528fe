package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.VolumeOptions;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A trial's own, writable layer over its study's {@link SharedWorkspace}. The trial's {@code /workspace} is an
 * overlay filesystem that the Docker daemon mounts (a volume of the {@code local} driver with type {@code overlay}):
 * the shared copy below, never written, and above it the folder {@link #UPPER} of this trial's own volume, which
 * holds the trial's own files (its entry, its parameters) and takes everything the script writes.
 *
 * <p>Why an overlay: the script sees every repository file at its usual path, and may create files in any folder
 * and also change any file (the kernel copies a file up into the trial's layer the first time it is written), at a
 * cost per trial that depends neither on the size of the repository nor on its number of files. The links made
 * before, one per file in the container, cost about 0.2 ms each on the ext4 of the measuring machine (1.1-1.3 s for
 * 5,000 files); linking whole folders instead would have made them read-only, and a mount inside the container
 * would need a capability the trial must not have. The shared copy stays as it was (overlay never writes its lower
 * layer, and no trial's container mounts it), trials never see each other's layers, and the copy-back reads only
 * the upper folder: the trial's own files and what it wrote, through the same checks as before (only regular
 * files, nothing under {@code .git}, no links).
 *
 * <p>The daemon mounts the overlay only when its folders exist: {@link #UPPER}, owned by the trial's user (it is the
 * workspace's top level), and {@link #WORK}, which the kernel needs beside it. A never-started holder container of
 * the trainer image mounts the layer's volume and gets both as a tar with the trial's own files; it gives the upper
 * folder back for the copy-back, and goes with the layer (it mounts the shared copy too, see {@link #create}).
 * Every volume and the holder carry the chain's labels, for the orphan sweep. A daemon that cannot mount an overlay
 * ({@link #works}) gives each trial a full copy instead.
 */
final class TrialLayer {
    /** The layer's folder that the overlay writes into: the trial's own files and what it wrote. */
    static final String UPPER = "up";
    /** The overlay's work folder, on the same filesystem as {@link #UPPER}. */
    static final String WORK = "work";
    /** Where the holder container mounts the layer's volume. */
    private static final String HOLDER_PATH = "/mlops/layer";
    /** Where the probe container mounts the overlay. */
    private static final String PROBE_PATH = "/mlops/probe";

    private final DockerClient control;
    private final String layerVolume;
    private final String workspaceVolume;
    private String holder;

    private TrialLayer(final DockerClient control, final String name) {
        this.control = control;
        this.layerVolume = "mlops-layer-" + name;
        this.workspaceVolume = "mlops-workspace-" + name;
    }

    /**
     * Makes a trial's layer over {@code shared}: its volume, the holder container (of {@code image}, as
     * {@code user}), the tar that {@code files} writes ({@link WorkspaceArchive#writeLayer}) and the overlay volume.
     * What was made is removed again when a step fails.
     *
     * @param copyUidGid whether the daemon gives the tar's entries the ids of {@code user} (a user given by name)
     * @throws IOException when {@code files} could not be written (a file of the workspace could not be read)
     */
    static TrialLayer create(final DockerClient control, final DockerClient streams, final SharedWorkspace shared,
            final TrainerImage image, final String user, final boolean copyUidGid, final Map<String, String> labels,
            final TarUpload.TarSource<Void> files) throws IOException {
        TrialLayer layer = new TrialLayer(control, UUID.randomUUID().toString().replace("-", "").substring(0, 16));
        boolean made = false;
        try {
            Map<String, String> volumeLabels = new HashMap<>(labels);
            volumeLabels.put(SharedVolumes.CREATED_LABEL, Long.toString(Instant.now().getEpochSecond()));
            requireShared(control, shared);
            String mountpoint = Uninterruptible.call(() -> control.createVolumeCmd().withName(layer.layerVolume)
                    .withLabels(volumeLabels).exec()).getMountpoint();
            layer.holder = Uninterruptible.call(() -> control.createContainerCmd(image.id())
                    .withCmd("/mlops-never-started")
                    .withUser(user)
                    .withLabels(labels)
                    .withNetworkDisabled(true)
                    // The shared copy too, read-only: while a trial's holder exists the daemon refuses to remove
                    // that volume (in use), as a sweep racing the study would, which the overlay alone would not stop.
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(List.of(
                            new Mount().withType(MountType.VOLUME).withSource(layer.layerVolume)
                                    .withTarget(HOLDER_PATH),
                            // Labelled, in case the daemon makes it anew: a volume swept after the check above.
                            new Mount().withType(MountType.VOLUME).withSource(shared.volume())
                                    .withTarget(ContainerSpec.SHARED).withReadOnly(true)
                                    .withVolumeOptions(new VolumeOptions().withNoCopy(true)
                                            .withLabels(volumeLabels)))))
                    .exec().getId());
            TarUpload.upload(streams, layer.holder, HOLDER_PATH, copyUidGid, files,
                    "mlops-layer-" + labels.get(ContainerSpec.TRIAL_LABEL));
            Uninterruptible.call(() -> control.createVolumeCmd().withName(layer.workspaceVolume)
                    .withDriver("local")
                    .withDriverOpts(Map.of("type", "overlay", "device", "overlay",
                            "o", options(shared.mountpoint(), mountpoint + "/" + UPPER, mountpoint + "/" + WORK)))
                    .withLabels(volumeLabels).exec());
            made = true;
            return layer;
        }
        finally {
            if (!made) {
                try {
                    layer.remove();
                }
                catch (RuntimeException e) {
                    // the failure that got here says more; the sweep removes what is left
                }
            }
        }
    }

    /**
     * Fails when the study's shared copy is gone (a sweep of the chain's leftovers between two trials): mounting it
     * would make the daemon create an empty volume of that name, and the trial would train without the repository.
     */
    private static void requireShared(final DockerClient control, final SharedWorkspace shared) {
        try {
            Uninterruptible.call(() -> control.inspectVolumeCmd(shared.volume()).exec());
        }
        catch (NotFoundException e) {
            throw MlopsException.infrastructure("The study's shared copy of the workspace, Docker volume "
                    + shared.volume() + ", is gone (removed by `mlops train --sweep` or `docker volume rm` while the "
                    + "study ran?): run the study again.", e);
        }
    }

    /**
     * Whether the daemon mounts a layer over {@code shared}: an archive call on a never-started container makes the
     * daemon mount its volumes, so one that mounts an overlay over {@code shared} answers "no such file" when the
     * overlay works, and "error while mounting volume" when it does not (a daemon without overlay support, rootless
     * on an old kernel, a data root where overlay cannot write). The probe's upper and work folders are the roots of
     * two fresh volumes, which exist without a tar (whose unpacking is the slow part of a layer).
     */
    static boolean works(final DockerClient control, final DockerClient streams, final SharedWorkspace shared,
            final TrainerImage image, final Map<String, String> labels) {
        if (!usable(shared.mountpoint())) {
            return false;
        }
        String name = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        // In the order of their removal: the overlay before the folders it names.
        List<String> volumes = List.of("mlops-workspace-" + name, "mlops-layer-" + name, "mlops-work-" + name);
        Map<String, String> volumeLabels = new HashMap<>(labels);
        volumeLabels.put(SharedVolumes.CREATED_LABEL, Long.toString(Instant.now().getEpochSecond()));
        String probe = null;
        try {
            String upper = Uninterruptible.call(() -> control.createVolumeCmd().withName(volumes.get(1))
                    .withLabels(volumeLabels).exec()).getMountpoint();
            String work = Uninterruptible.call(() -> control.createVolumeCmd().withName(volumes.get(2))
                    .withLabels(volumeLabels).exec()).getMountpoint();
            if (!usable(upper) || !usable(work)) {
                return false;
            }
            Uninterruptible.call(() -> control.createVolumeCmd().withName(volumes.get(0)).withDriver("local")
                    .withDriverOpts(Map.of("type", "overlay", "device", "overlay", "o",
                            options(shared.mountpoint(), upper, work)))
                    .withLabels(volumeLabels).exec());
            probe = Uninterruptible.call(() -> control.createContainerCmd(image.id())
                    .withCmd("/mlops-never-started")
                    .withLabels(labels)
                    .withNetworkDisabled(true)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(List.of(
                            new Mount().withType(MountType.VOLUME).withSource(volumes.get(0))
                                    .withTarget(PROBE_PATH))))
                    .exec().getId());
            try (InputStream in = streams.copyArchiveFromContainerCmd(probe, PROBE_PATH + "/.mlops-probe").exec()) {
                return true;
            }
            catch (NotFoundException e) {
                return true;
            }
        }
        catch (DockerException | IOException e) {
            return false;
        }
        finally {
            boolean interrupted = Thread.interrupted();
            try {
                removeContainer(control, probe);
                for (String volume : volumes) {
                    removeVolume(control, volume);
                }
            }
            finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** The volume to mount as the trial's {@code /workspace}. */
    String workspaceVolume() {
        return workspaceVolume;
    }

    /** The upper folder as a tar, {@code docker cp}-style (entries start with {@link #UPPER}): for the copy-back. */
    InputStream upper(final DockerClient streams) {
        return streams.copyArchiveFromContainerCmd(holder, HOLDER_PATH + "/" + UPPER).exec();
    }

    /**
     * Removes the holder, the overlay volume and the layer's volume (after the trial's container, which mounts the
     * overlay); runs with the interrupt flag cleared, as an abort must still clean up. What is already gone is fine.
     */
    void remove() {
        boolean interrupted = Thread.interrupted();
        RuntimeException failure = null;
        for (Runnable step : List.<Runnable>of(() -> removeContainer(control, holder),
                () -> removeVolume(control, workspaceVolume), () -> removeVolume(control, layerVolume))) {
            try {
                step.run();
            }
            catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Overlay's mount options; its paths may hold none of the characters that separate them. Never a metadata-only
     * copy-up (a kernel may default to it): a file the script only changed the mode of would then be an empty shell in
     * the upper folder, and the copy-back would take that for the file.
     */
    private static String options(final String lower, final String upper, final String work) {
        if (!usable(lower) || !usable(upper) || !usable(work)) {
            throw new IllegalStateException("Docker's volume folders " + lower + ", " + upper + " and " + work
                    + " cannot be named in overlay mount options");
        }
        return "lowerdir=" + lower + ",upperdir=" + upper + ",workdir=" + work + ",metacopy=off";
    }

    private static boolean usable(final String path) {
        return path != null && path.startsWith("/") && path.chars().noneMatch(c -> c == ',' || c == ':'
                || c == '\\' || Character.isWhitespace(c));
    }

    private static void removeVolume(final DockerClient control, final String name) {
        try {
            control.removeVolumeCmd(name).exec();
        }
        catch (NotFoundException e) {
            // never made, or already gone
        }
    }

    private static void removeContainer(final DockerClient control, final String id) {
        if (id == null) {
            return;
        }
        try {
            control.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
        catch (NotFoundException e) {
            // already gone
        }
    }
}
