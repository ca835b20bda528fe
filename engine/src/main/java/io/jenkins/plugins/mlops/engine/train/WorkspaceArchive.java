package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The workspace as a tar stream into the container, and which files come back out ({@link CopyBack} takes them).
 * Entries going in belong to the user the script runs as, so it may write anywhere in its workspace.
 */
final class WorkspaceArchive {
    /** Not copied in: git's object store is large and training does not read it; trial copies are other trials. */
    static final List<String> EXCLUDED = List.of(".git", RunStateStore.STATE_DIR + "/trials");

    private WorkspaceArchive() {
    }

    /**
     * Writes {@code workspace} (without {@link #EXCLUDED}) plus {@code extraFiles} (relative path to content) as a
     * tar whose entries are owned by {@code uid:gid}.
     */
    static void write(final Path workspace, final Map<String, byte[]> extraFiles, final int uid, final int gid,
            final OutputStream target) throws IOException {
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(target)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
                        throws IOException {
                    String name = relative(workspace, dir);
                    if (EXCLUDED.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (!name.isEmpty()) {
                        putEntry(tar, new TarArchiveEntry(name + "/"), 0755, uid, gid, null);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs)
                        throws IOException {
                    String name = relative(workspace, file);
                    if (extraFiles.containsKey(name)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (attrs.isSymbolicLink()) {
                        TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                        link.setLinkName(Files.readSymbolicLink(file).toString());
                        putEntry(tar, link, 0777, uid, gid, null);
                    }
                    else if (attrs.isRegularFile()) {
                        TarArchiveEntry entry = new TarArchiveEntry(name);
                        entry.setSize(attrs.size());
                        entry.setModTime(attrs.lastModifiedTime());
                        putEntry(tar, entry, Files.isExecutable(file) ? 0755 : 0644, uid, gid, file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Map.Entry<String, byte[]> extra : extraFiles.entrySet()) {
                Path parent = Path.of(extra.getKey()).getParent();
                if (parent != null && !Files.isDirectory(workspace.resolve(parent))) {
                    putEntry(tar, new TarArchiveEntry(parent + "/"), 0755, uid, gid, null);
                }
                TarArchiveEntry entry = new TarArchiveEntry(extra.getKey());
                entry.setSize(extra.getValue().length);
                entry.setMode(0644);
                entry.setIds(uid, gid);
                tar.putArchiveEntry(entry);
                tar.write(extra.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
    }

    private static void putEntry(final TarArchiveOutputStream tar, final TarArchiveEntry entry, final int mode,
            final int uid, final int gid, final Path content) throws IOException {
        entry.setMode(mode);
        entry.setIds(uid, gid);
        tar.putArchiveEntry(entry);
        if (content != null) {
            Files.copy(content, tar);
        }
        tar.closeArchiveEntry();
    }

    private static String relative(final Path workspace, final Path path) {
        return workspace.relativize(path).toString().replace('\\', '/');
    }

    /** Which files of the workspace come back: exact paths (metric files) and globs (artifacts). */
    record FileSelection(List<String> paths, List<String> globs) {
        boolean matches(final String name) {
            if (paths.contains(name)) {
                return true;
            }
            Path path = Path.of(name);
            for (String glob : globs) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                // A glob without a folder matches the file name in any folder: "*.pt" finds out/model.pt.
                if (matcher.matches(glob.contains("/") ? path : path.getFileName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
