package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Makes and removes the volumes of {@link SharedWorkspace}s. The copy goes in through a created, never started
 * container of the trainer image (which is there anyway), so a remote Docker host works as for a single training.
 * Every volume carries the chain's label and its creation time, for the orphan sweep (the trials' layers too).
 */
final class SharedVolumes {
    /** Label with the volume's creation time (epoch seconds): volumes have no creation time docker-java reads. */
    static final String CREATED_LABEL = "io.jenkins.plugins.mlops.created";

    private final DockerClient control;
    private final DockerClient streams;
    /** Whether this daemon mounts a {@link TrialLayer}; {@code null} until the first study found out. */
    private volatile Boolean overlays;

    SharedVolumes(final DockerClient control, final DockerClient streams) {
        this.control = control;
        this.streams = streams;
    }

    /** From now on as on a daemon that cannot mount a {@link TrialLayer} (rootless on an old kernel, say). */
    void withoutLayers() {
        overlays = false;
    }

    /**
     * Copies {@code workspace} into a new volume of chain {@code chainId}, owned by {@code user} (the user the trials
     * run as, so that they may write over it in their layers; {@code ids} are its uid and gid, or {@code null}); the volume is removed again if that fails. Returns
     * an unlayered one (no volume) when this daemon cannot mount a {@link TrialLayer} over it (found out once per
     * daemon, and said in the log): then each trial gets a full copy of the workspace.
     */
    SharedWorkspace create(final Path workspace, final TrainerImage image, final String user, final int[] ids,
            final String chainId, final RunLog log) {
        if (Boolean.FALSE.equals(overlays)) {
            return SharedWorkspace.unlayered(workspace);
        }
        String volume = "mlops-shared-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        long started = System.nanoTime();
        Map<String, String> labels = Map.of(ContainerSpec.CHAIN_LABEL, chainId, ContainerSpec.TRIAL_LABEL, "0");
        String mountpoint = Uninterruptible.call(() -> control.createVolumeCmd().withName(volume).withLabels(Map.of(
                ContainerSpec.CHAIN_LABEL, chainId, CREATED_LABEL, Long.toString(Instant.now().getEpochSecond())))
                .exec()).getMountpoint();
        boolean filled = false;
        try {
            if (overlays == null) {
                // Probed over the still empty volume: a daemon that cannot mount a layer costs no copy.
                overlays = TrialLayer.works(control, streams, new SharedWorkspace(volume, mountpoint, workspace, 0),
                        image, labels);
                if (!overlays) {
                    log.info("This Docker daemon cannot mount an overlay over a volume (a daemon without overlay "
                            + "support, or rootless on an old kernel): each trial gets a full copy of the workspace.");
                }
            }
            if (!overlays) {
                return SharedWorkspace.unlayered(workspace);
            }
            String filler = Uninterruptible.call(() -> control.createContainerCmd(image.id())
                    .withCmd("/mlops-never-started")
                    .withUser(user)
                    .withLabels(labels)
                    .withNetworkDisabled(true)
                    .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none").withMounts(List.of(new Mount()
                            .withType(MountType.VOLUME).withSource(volume).withTarget(ContainerSpec.SHARED))))
                    .exec().getId());
            long files;
            try {
                // A user whose ids are unknown is left to the daemon (which looks names up on its host).
                files = TarUpload.upload(streams, filler, ContainerSpec.SHARED, ids == null,
                        out -> WorkspaceArchive.writeShared(workspace, ids == null ? 0 : ids[0],
                                ids == null ? 0 : ids[1], out), "mlops-share-" + chainId);
            }
            finally {
                removeContainer(filler);
            }
            SharedWorkspace shared = new SharedWorkspace(volume, mountpoint, workspace, files);
            log.info("Workspace copied once for the study's trials into volume %s (%d files) in %d ms", volume,
                    shared.fileCount(), (System.nanoTime() - started) / 1_000_000);
            filled = true;
            return shared;
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the workspace " + workspace + " to copy it for the study's "
                    + "trials: " + e.getMessage() + ". Check its files' permissions.");
        }
        finally {
            if (!filled) {
                remove(volume, log);
            }
        }
    }

    /** Removes {@code volume}; runs with the interrupt flag cleared, as an abort must still clean up. */
    void remove(final String volume, final RunLog log) {
        boolean interrupted = Thread.interrupted();
        try {
            control.removeVolumeCmd(volume).exec();
        }
        catch (NotFoundException e) {
            // already gone
        }
        catch (RuntimeException e) {
            log.error("Could not remove the study's shared workspace volume %s (%s); `mlops train --sweep` or "
                    + "`docker volume rm %s` removes it.", volume, e.getMessage(), volume);
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Removes the shared volumes of chain {@code chainId}; returns how many. */
    int removeAll(final String chainId) {
        return removeIf(labels -> chainId.equals(labels.get(ContainerSpec.CHAIN_LABEL)));
    }

    /** Removes the shared volumes of any chain created before {@code cutoff} (epoch seconds); returns how many. */
    int removeOlderThan(final long cutoff) {
        return removeIf(labels -> {
            String created = labels.getOrDefault(CREATED_LABEL, "");
            return created.matches("\\d{1,18}") && Long.parseLong(created) < cutoff;
        });
    }

    private int removeIf(final Predicate<Map<String, String>> wanted) {
        int removed = 0;
        List<InspectVolumeResponse> volumes = control.listVolumesCmd().withFilter("label", List.of(CREATED_LABEL))
                .exec().getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            Map<String, String> labels = volume.getLabels() == null ? Map.of() : volume.getLabels();
            if (!wanted.test(labels)) {
                continue;
            }
            try {
                control.removeVolumeCmd(volume.getName()).exec();
                removed++;
            }
            catch (NotFoundException e) {
                // removed meanwhile by its own study
            }
            catch (ConflictException e) {
                // in use: a trial of its study still trains, and the study removes it when it ends
            }
        }
        return removed;
    }

    private void removeContainer(final String id) {
        boolean interrupted = Thread.interrupted();
        try {
            control.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
        catch (NotFoundException e) {
            // already gone
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
