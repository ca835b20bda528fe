package io.jenkins.plugins.mlops.engine.train;

import java.nio.file.Path;

/**
 * A study's workspace, copied once into a Docker volume that no trial's container mounts: each trial's
 * {@code /workspace} is an overlay of its own small layer over this copy ({@link TrialLayer}), so a trial gets only
 * its own files (its entry, its parameters) and what it writes, what a trial costs grows neither with the size of
 * the repository nor with its number of files, and trials never see each other's files. Made by
 * {@link ContainerTrainer#share}, removed by {@link ContainerTrainer#unshare}; the orphan sweep removes one a crashed
 * chain left. On a daemon that cannot mount such a layer there is no volume ({@link #layered()} is false): each
 * trial then gets the whole workspace with its own files in place, as a single training does.
 */
public final class SharedWorkspace {
    private final String volume;
    private final String mountpoint;
    private final Path source;
    private final long fileCount;

    SharedWorkspace(final String volume, final String mountpoint, final Path source, final long fileCount) {
        this.volume = volume;
        this.mountpoint = mountpoint;
        this.source = source;
        this.fileCount = fileCount;
    }

    /** The study's workspace without a shared volume: each trial gets a whole copy of {@code source}. */
    static SharedWorkspace unlayered(final Path source) {
        return new SharedWorkspace(null, null, source, 0);
    }

    /** Whether the trials work in layers over a shared volume; when not, each gets a whole copy. */
    public boolean layered() {
        return volume != null;
    }

    /** The Docker volume that holds the copy, or {@code null} when there is none ({@link #layered()}). */
    public String volume() {
        return volume;
    }

    /** Where the copy is on the Docker host: the lower layer of every trial's overlay. */
    String mountpoint() {
        return mountpoint;
    }

    /** The workspace the copy was made of. */
    public Path source() {
        return source;
    }

    /** How many files (not folders) the copy holds. */
    public long fileCount() {
        return fileCount;
    }
}
