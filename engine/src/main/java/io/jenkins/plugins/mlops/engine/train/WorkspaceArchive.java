package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The workspace as a tar stream into the container, and which files come back out ({@link CopyBack} takes them).
 * Entries going in belong to the user the script runs as, so it may write anywhere in its workspace. A study's
 * trials get a {@link SharedWorkspace} instead: the workspace goes once into a volume ({@link #writeShared}), and
 * each trial's tar holds only its own files, for its layer over that copy ({@link #writeLayer}).
 */
final class WorkspaceArchive {
    /** Not copied in: git's object store is large and training does not read it; trial copies are other trials. */
    static final List<String> EXCLUDED = List.of(".git", ChainStateStore.STATE_DIR + "/trials");
    /** Not in a study's shared copy: git's object store, and the tool's own state (trials get their parameters). */
    static final List<String> NOT_SHARED = List.of(".git", ChainStateStore.STATE_DIR);

    private WorkspaceArchive() {
    }

    /** What a workspace entry is. */
    enum Kind { FOLDER, FILE, LINK }

    /**
     * One entry of a workspace.
     *
     * @param name       relative to the workspace, with forward slashes
     * @param kind       folder, regular file or symbolic link
     * @param linkTarget the link's target as written in the link, or {@code null}
     */
    record Entry(String name, Kind kind, String linkTarget) {
    }

    /**
     * Writes {@code workspace} (without {@link #EXCLUDED}) plus {@code extraFiles} (relative path to content) as a
     * tar whose entries are owned by {@code uid:gid}.
     */
    static void write(final Path workspace, final Map<String, byte[]> extraFiles, final int uid, final int gid,
            final OutputStream target) throws IOException {
        try (TarWriter tar = new TarWriter(target, uid, gid)) {
            walk(workspace, EXCLUDED, (entry, file, attrs) -> {
                if (!extraFiles.containsKey(entry.name())) {
                    tar.put(entry, file, attrs);
                }
            });
            tar.putExtra(workspace, extraFiles);
        }
    }

    /**
     * Writes {@code workspace} (without {@link #NOT_SHARED}) owned by {@code uid:gid}, the user the study's trials
     * run as, for a study's shared volume (the lower layer of every trial's workspace, see {@link TrialLayer}: the
     * trial may then write into its folders and files, the kernel copying what it changes into its own layer);
     * returns how many files (not folders) it holds.
     */
    static long writeShared(final Path workspace, final int uid, final int gid, final OutputStream target)
            throws IOException {
        long[] files = {0};
        try (TarWriter tar = new TarWriter(target, uid, gid)) {
            walk(workspace, NOT_SHARED, (entry, file, attrs) -> {
                tar.put(entry, file, attrs);
                files[0] += entry.kind() == Kind.FOLDER ? 0 : 1;
            });
        }
        return files[0];
    }

    /**
     * Writes a trial's whole workspace when no layer can serve it ({@link SharedWorkspace#layered()} is false):
     * {@code base} (the study's workspace, without {@link #NOT_SHARED}) with the trial's own files ({@code own}, e.g.
     * its edited entry, and {@code extraFiles}) in place of the base's files of the same names.
     */
    static void writeOver(final Path base, final Path own, final Map<String, byte[]> extraFiles, final int uid,
            final int gid, final OutputStream target) throws IOException {
        Set<String> owned = new HashSet<>(extraFiles.keySet());
        walk(own, List.of(), (entry, file, attrs) -> owned.add(entry.name()));
        try (TarWriter tar = new TarWriter(target, uid, gid)) {
            walk(base, NOT_SHARED, (entry, file, attrs) -> {
                if (!owned.contains(entry.name())) {
                    tar.put(entry, file, attrs);
                }
            });
            walk(own, List.of(), (entry, file, attrs) -> {
                if (!extraFiles.containsKey(entry.name())) {
                    tar.put(entry, file, attrs);
                }
            });
            tar.putExtra(own, extraFiles);
        }
    }

    /**
     * Writes a trial's layer over a {@link SharedWorkspace} ({@link TrialLayer}): the folder {@link TrialLayer#UPPER}
     * with the trial's own files ({@code own}, e.g. its edited entry, and {@code extraFiles}) and the folder
     * {@link TrialLayer#WORK} the kernel needs beside it, all owned by {@code uid:gid} (so is the workspace's top
     * level, which is the upper folder). Nothing of the shared copy goes in: the trial sees it through the overlay.
     */
    static void writeLayer(final Path own, final Map<String, byte[]> extraFiles, final int uid, final int gid,
            final OutputStream target) throws IOException {
        try (TarWriter tar = new TarWriter(target, uid, gid)) {
            tar.folder(TrialLayer.UPPER);
            tar.folder(TrialLayer.WORK);
            tar.under(TrialLayer.UPPER + "/");
            walk(own, List.of(), (entry, file, attrs) -> {
                if (!extraFiles.containsKey(entry.name())) {
                    tar.put(entry, file, attrs);
                }
            });
            tar.putExtra(own, extraFiles);
        }
    }

    /** Receives the entries of a walk. */
    @FunctionalInterface
    private interface EntryVisitor {
        void visit(Entry entry, Path file, BasicFileAttributes attrs) throws IOException;
    }

    /** Visits folders (parents first), regular files and links of {@code root}, without following links. */
    private static void walk(final Path root, final List<String> excluded, final EntryVisitor visitor)
            throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
                    throws IOException {
                String name = relative(root, dir);
                if (excluded.contains(name)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!name.isEmpty()) {
                    visitor.visit(new Entry(name, Kind.FOLDER, null), dir, attrs);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                String name = relative(root, file);
                if (attrs.isSymbolicLink()) {
                    visitor.visit(new Entry(name, Kind.LINK, Files.readSymbolicLink(file).toString()), file, attrs);
                }
                else if (attrs.isRegularFile()) {
                    visitor.visit(new Entry(name, Kind.FILE, null), file, attrs);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static String relative(final Path workspace, final Path path) {
        return workspace.relativize(path).toString().replace('\\', '/');
    }

    /** Tar entries owned by one user: folders 0755, files 0644 (0755 when executable), links. */
    private static final class TarWriter implements AutoCloseable {
        private final TarArchiveOutputStream tar;
        private final int uid;
        private final int gid;
        private String prefix = "";

        TarWriter(final OutputStream target, final int uid, final int gid) {
            this.tar = new TarArchiveOutputStream(target);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            this.uid = uid;
            this.gid = gid;
        }

        void put(final Entry entry, final Path file, final BasicFileAttributes attrs) throws IOException {
            switch (entry.kind()) {
                case FOLDER -> folder(entry.name());
                case LINK -> link(entry.name(), entry.linkTarget());
                case FILE -> {
                    TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name());
                    tarEntry.setSize(attrs.size());
                    tarEntry.setModTime(attrs.lastModifiedTime());
                    add(tarEntry, Files.isExecutable(file) ? 0755 : 0644, file);
                }
                default -> throw new IllegalArgumentException(entry.kind().name());
            }
        }

        /** Puts the entries that follow under {@code folder} (ending in a slash). */
        void under(final String folder) {
            prefix = folder;
        }

        void folder(final String name) throws IOException {
            add(new TarArchiveEntry(name + "/"), 0755, null);
        }

        void link(final String name, final String linkTarget) throws IOException {
            TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
            link.setLinkName(linkTarget);
            add(link, 0777, null);
        }

        /** {@code files} (relative path to content), each with the folder it needs when {@code root} lacks it. */
        void putExtra(final Path root, final Map<String, byte[]> files) throws IOException {
            for (Map.Entry<String, byte[]> extra : files.entrySet()) {
                Path parent = Path.of(extra.getKey()).getParent();
                if (parent != null && !Files.isDirectory(root.resolve(parent))) {
                    folder(parent.toString().replace('\\', '/'));
                }
                TarArchiveEntry entry = new TarArchiveEntry(prefix + extra.getKey());
                entry.setSize(extra.getValue().length);
                entry.setMode(0644);
                entry.setIds(uid, gid);
                tar.putArchiveEntry(entry);
                tar.write(extra.getValue());
                tar.closeArchiveEntry();
            }
        }

        private void add(final TarArchiveEntry entry, final int mode, final Path content) throws IOException {
            entry.setName(prefix + entry.getName());
            entry.setMode(mode);
            entry.setIds(uid, gid);
            tar.putArchiveEntry(entry);
            if (content != null) {
                Files.copy(content, tar);
            }
            tar.closeArchiveEntry();
        }

        @Override
        public void close() throws IOException {
            tar.finish();
            tar.close();
        }
    }

    /** Which files of the workspace come back: exact paths (metric files) and globs (artifacts). */
    static final class FileSelection {
        private final List<String> paths;
        private final List<String> globs;
        private final List<PathMatcher> matchers;

        FileSelection(final List<String> paths, final List<String> globs) {
            this.paths = List.copyOf(paths);
            this.globs = List.copyOf(globs);
            // Compiled once: a study's trials ask for every file of the workspace.
            this.matchers = this.globs.stream().map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob))
                    .toList();
        }

        boolean matches(final String name) {
            if (paths.contains(name)) {
                return true;
            }
            Path path = Path.of(name);
            for (int i = 0; i < globs.size(); i++) {
                // A glob without a folder matches the file name in any folder: "*.pt" finds out/model.pt.
                if (matchers.get(i).matches(globs.get(i).contains("/") ? path : path.getFileName())) {
                    return true;
                }
            }
            return false;
        }
    }
}
