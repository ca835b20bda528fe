package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.util.WorkspaceTargets;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Takes the wanted files out of a container's workspace tar into the host workspace. The container's content is
 * written by code nobody reviewed, so only regular files come back, never under {@code .git} (a {@code core.hooksPath}
 * there runs commands on the host) or the tool's own {@code .mlops}, never through a symbolic link of the workspace
 * (the repository may carry links to {@code .git/hooks} or out of the workspace), and within the operator's size
 * limits, at most {@link #MAX_FILES} files (empty files cost no bytes, but each takes an inode and time on the agent).
 * What was refused is reported, each with its reason, the first {@link #MAX_LISTED} of them by name.
 */
final class CopyBack {
    /** The most files one training brings back. */
    static final int MAX_FILES = 10_000;
    /** The most refused files named in the result; further ones are counted. */
    static final int MAX_LISTED = 100;

    private final Path workspace;
    private final WorkspaceArchive.FileSelection wanted;
    private final SandboxPolicy policy;
    private final List<String> copied = new ArrayList<>();
    private final List<String> notCopied = new ArrayList<>();
    private long total;
    private int unlisted;

    /**
     * The files that came back and those that did not.
     *
     * @param copied    paths relative to the workspace, with forward slashes
     * @param notCopied wanted paths that were refused, each followed by the reason in parentheses
     */
    record Result(List<String> copied, List<String> notCopied) {
        Result {
            copied = List.copyOf(copied);
            notCopied = List.copyOf(notCopied);
        }
    }

    CopyBack(final Path workspace, final WorkspaceArchive.FileSelection wanted, final SandboxPolicy policy) {
        this.workspace = workspace;
        this.wanted = wanted;
        this.policy = policy;
    }

    /** Extracts from a {@code docker cp}-style tar of the container's workspace (entries start with its name). */
    Result extract(final InputStream source) throws IOException {
        Path root = workspace.toRealPath();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(source)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                int slash = entry.getName().indexOf('/');
                String name = slash < 0 ? "" : entry.getName().substring(slash + 1);
                if (name.isEmpty() || entry.isDirectory() || !wanted.matches(name) || isWhiteout(entry)) {
                    continue;
                }
                String refusal = refusal(root, name, entry);
                if (refusal != null) {
                    refuse(name, refusal);
                    continue;
                }
                Path target = root.resolve(name);
                Files.createDirectories(target.getParent());
                // Replacing deletes an existing file first and creates the new one exclusively: never a write
                // through a link that appeared meanwhile.
                Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                total += entry.getSize();
                copied.add(name);
            }
        }
        if (unlisted > 0) {
            notCopied.add("... and " + unlisted + " more");
        }
        return new Result(copied, notCopied);
    }

    private void refuse(final String name, final String reason) {
        if (notCopied.size() < MAX_LISTED) {
            notCopied.add(name + " (" + reason + ")");
        }
        else {
            unlisted++;
        }
    }

    /**
     * Whether {@code entry} is how an overlay's upper folder records a deleted file (a character device 0:0, see
     * {@link TrialLayer}): the trial removed a file of the shared copy, which is no file to refuse. A script cannot
     * make such a device itself: overlayfs refuses to create one, as it means a whiteout there.
     */
    private static boolean isWhiteout(final TarArchiveEntry entry) {
        return entry.isCharacterDevice() && entry.getDevMajor() == 0 && entry.getDevMinor() == 0;
    }

    /** Why {@code name} must not be written, or {@code null} when it may. */
    private String refusal(final Path root, final String name, final TarArchiveEntry entry) {
        // isFile() alone takes any entry that is no folder; links and devices say what they are.
        if (!entry.isFile() || entry.isSymbolicLink() || entry.isLink() || entry.isCharacterDevice()
                || entry.isBlockDevice() || entry.isFIFO()) {
            return "not a regular file";
        }
        String target = WorkspaceTargets.refusal(root, name);
        if (target != null) {
            return target;
        }
        if (entry.getSize() > policy.maxFileBytes()) {
            return entry.getSize() + " bytes, above the per-file limit of " + policy.maxFileBytes()
                    + " bytes (" + SandboxPolicy.MAX_FILE + "; in Jenkins: Largest file copied back)";
        }
        if (copied.size() >= MAX_FILES) {
            return "past the limit of " + MAX_FILES + " files per trial";
        }
        if (total + entry.getSize() > policy.maxTotalBytes()) {
            return entry.getSize() + " bytes would pass the total limit of " + policy.maxTotalBytes()
                    + " bytes per trial (" + SandboxPolicy.MAX_TOTAL + "; in Jenkins: Most bytes copied back per "
                    + "trial)";
        }
        return null;
    }
}
