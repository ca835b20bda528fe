package io.jenkins.plugins.mlops.engine.train;

import java.nio.file.Path;
import java.util.List;

/**
 * A study's workspace, copied once into a Docker volume that every trial of the study mounts read-only: a trial's
 * container gets only its own files (its entry, its parameters, the metric and model files it is expected to write)
 * and links to the rest, so what a trial costs does not grow with the repository, and trials never see each other's
 * files. Made by {@link ContainerTrainer#share}, removed by {@link ContainerTrainer#unshare}; the orphan sweep removes
 * one a crashed run left.
 */
public final class SharedWorkspace {
    private final String volume;
    private final Path source;
    private final List<WorkspaceArchive.Entry> entries;

    SharedWorkspace(final String volume, final Path source, final List<WorkspaceArchive.Entry> entries) {
        this.volume = volume;
        this.source = source;
        this.entries = List.copyOf(entries);
    }

    /** The Docker volume that holds the copy. */
    public String volume() {
        return volume;
    }

    /** The workspace the copy was made of. */
    public Path source() {
        return source;
    }

    /** The copy's folders, files and links, parents before children. */
    List<WorkspaceArchive.Entry> entries() {
        return entries;
    }

    /** How many files (not folders) the copy holds. */
    public long fileCount() {
        return entries.stream().filter(entry -> entry.kind() != WorkspaceArchive.Kind.FOLDER).count();
    }
}
