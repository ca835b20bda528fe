package io.jenkins.plugins.mlops.engine.model;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Guards the tool's own folders: {@code .mlops} in a workspace and every folder the tool keeps below it
 * ({@code trials}, {@code trials/<n>}, {@code outbox}, ...). Each must be a real folder, never a symbolic link: a
 * repository (or whoever filled a bare folder) that plants {@code .mlops/trials -> /elsewhere} would otherwise make the
 * tool delete and write outside the workspace. Links are looked at without following them.
 */
public final class StateFolder {
    private StateFolder() {
    }

    /**
     * Checks {@code folder} and every folder from the last {@code .mlops} in its path down to it, creating the missing
     * ones; a path without {@code .mlops} (an operator's own outbox, say) is only created.
     *
     * @return {@code folder}
     * @throws MlopsException (input) when one of them is a link or no folder
     */
    public static Path ensure(final Path folder) {
        Path absolute = folder.toAbsolutePath().normalize();
        int start = stateIndex(absolute);
        try {
            if (start < 0) {
                Files.createDirectories(absolute);
                return folder;
            }
            Files.createDirectories(prefix(absolute, start).getParent());
            for (int i = start; i < absolute.getNameCount(); i++) {
                Path part = prefix(absolute, i);
                if (!Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                    try {
                        Files.createDirectory(part);
                    }
                    catch (FileAlreadyExistsException e) {
                        // Another thread of this chain made it meanwhile; it is checked below like any other.
                    }
                }
                refuseUnlessFolder(part);
            }
            return folder;
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot create the folder " + folder + ": " + e.getMessage()
                    + ". Check free disk space and permissions of the workspace.");
        }
    }

    /**
     * Checks the existing folders from the last {@code .mlops} in {@code path} down to {@code path} (missing ones are
     * fine, nothing is created); {@code path} itself may be a file, which must then not be a link either.
     *
     * @return {@code path}
     * @throws MlopsException (input) when one of them is a link, or a folder on the way is no folder
     */
    public static Path check(final Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        int start = stateIndex(absolute);
        if (start < 0) {
            return path;
        }
        for (int i = start; i < absolute.getNameCount(); i++) {
            Path part = prefix(absolute, i);
            if (!Files.exists(part, LinkOption.NOFOLLOW_LINKS)) {
                return path;
            }
            if (i < absolute.getNameCount() - 1 || Files.isDirectory(part, LinkOption.NOFOLLOW_LINKS)
                    || Files.isSymbolicLink(part)) {
                refuseUnlessFolder(part);
            }
        }
        return path;
    }

    private static void refuseUnlessFolder(final Path part) {
        if (Files.isSymbolicLink(part) || !Files.isDirectory(part, LinkOption.NOFOLLOW_LINKS)) {
            throw MlopsException.input("The tool's state folder " + part + " is "
                    + (Files.isSymbolicLink(part) ? "a symbolic link" : "no folder")
                    + "; the tool keeps its state only in real folders of the workspace and does not follow links "
                    + "there. Remove " + part + " (and remove " + ChainStateStore.STATE_DIR
                    + " from the repository if it tracks it).");
        }
    }

    /** The index of the last {@code .mlops} name in {@code absolute}, or -1. */
    private static int stateIndex(final Path absolute) {
        for (int i = absolute.getNameCount() - 1; i >= 0; i--) {
            if (absolute.getName(i).toString().equals(ChainStateStore.STATE_DIR)) {
                return i;
            }
        }
        return -1;
    }

    private static Path prefix(final Path absolute, final int index) {
        return absolute.getRoot().resolve(absolute.subpath(0, index + 1));
    }
}
