package io.jenkins.plugins.mlops.engine.util;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where the tool may write a file that a training produced: a plain path inside the workspace, never under
 * {@code .git} (a {@code core.hooksPath} or hook there runs commands on the host) or the tool's own {@code .mlops},
 * and never through or over a symbolic link (the repository may carry links to {@code .git/hooks} or out of the
 * workspace). Both copy-back steps use it: out of the container, and from the winning trial into the workspace.
 */
public final class WorkspaceTargets {
    /** ChainStateStore.STATE_DIR, spelled out: util sits below model and does not depend on it. */
    private static final String STATE_DIR = ".mlops";

    private WorkspaceTargets() {
    }

    /**
     * Why {@code name} (relative, forward slashes) must not be written under {@code root} (a real path), or
     * {@code null} when it may; the existing folders on the way are all real folders then.
     */
    public static String refusal(final Path root, final String name) {
        if (name.indexOf('\\') >= 0) {
            // A folder separator on Windows agents, where it would lead where a slash may not.
            return "a backslash in the name; only plain names separated by slashes come back";
        }
        String[] parts = name.split("/");
        for (String part : parts) {
            if (part.isEmpty() || ".".equals(part) || "..".equals(part)) {
                return "not a plain path inside the workspace";
            }
            if (".git".equals(part.toLowerCase(Locale.ROOT))) {
                return "under .git; git's files never come back from a training";
            }
        }
        // In any case: on a case-insensitive file system (macOS, Windows agents) .MLOPS is the state folder too.
        if (STATE_DIR.equalsIgnoreCase(parts[0])) {
            return "under " + STATE_DIR + ", the tool's own state";
        }
        Path path = root;
        for (int i = 0; i < parts.length; i++) {
            path = path.resolve(parts[i]);
            boolean last = i == parts.length - 1;
            if (Files.isSymbolicLink(path)) {
                return (last ? "" : parts[i] + " ") + "is a symbolic link in the workspace; nothing is written "
                        + "through links";
            }
            if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)
                    && (last ? !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
                            : !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
                return "the workspace has something else than a " + (last ? "file" : "folder") + " at "
                        + String.join("/", Arrays.copyOf(parts, i + 1));
            }
        }
        return null;
    }
}
