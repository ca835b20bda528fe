package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
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
 * each trial's tar holds only its own files ({@link #writeOverlay}).
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
     * Writes {@code workspace} (without {@link #NOT_SHARED}) owned by root, readable by everyone, for a study's
     * shared volume; returns its entries, parents before children.
     */
    static List<Entry> writeShared(final Path workspace, final OutputStream target) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (TarWriter tar = new TarWriter(target, 0, 0)) {
            walk(workspace, NOT_SHARED, (entry, file, attrs) -> {
                tar.put(entry, file, attrs);
                entries.add(entry);
            });
        }
        return entries;
    }

    /**
     * Writes a trial's own files over a {@link SharedWorkspace}: the shared files the script is expected to write
     * ({@code written}: a link would make them read-only) with their content, then the trial's own files
     * ({@code own}, e.g. its edited entry) and {@code extraFiles}, with the folders they need, all owned by
     * {@code uid:gid}. The links to the other shared files are made in the container ({@link LinkFarm}).
     */
    static void writeOverlay(final SharedWorkspace shared, final Path own, final FileSelection written,
            final Map<String, byte[]> extraFiles, final int uid, final int gid, final OutputStream target)
            throws IOException {
        Set<String> ownNames = new HashSet<>(extraFiles.keySet());
        walk(own, List.of(), (entry, file, attrs) -> ownNames.add(entry.name()));
        try (TarWriter tar = new TarWriter(target, uid, gid)) {
            Set<String> folders = new HashSet<>();
            // The top level comes in the tar, made by the daemon and owned by the trial's user: an image that keeps
            // /workspace to root (its user replaced) lets nobody else make entries there. The rest the trial's
            // container links itself (LinkFarm), inside these folders.
            for (Entry entry : shared.entries()) {
                if (entry.name().contains("/") || ownNames.contains(entry.name())) {
                    continue;
                }
                if (entry.kind() == Kind.FOLDER && folders.add(entry.name())) {
                    tar.folder(entry.name());
                }
                else if (entry.kind() == Kind.LINK) {
                    tar.link(entry.name(), entry.linkTarget());
                }
                else if (entry.kind() == Kind.FILE && !written.matches(entry.name())) {
                    tar.link(entry.name(), ContainerSpec.SHARED + "/" + entry.name());
                }
            }
            for (Entry entry : shared.entries()) {
                if (entry.kind() != Kind.FILE || ownNames.contains(entry.name()) || !written.matches(entry.name())) {
                    continue;
                }
                Path file = shared.source().resolve(entry.name());
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    tar.parents(entry.name(), folders);
                    tar.put(entry, file, Files.readAttributes(file, BasicFileAttributes.class,
                            LinkOption.NOFOLLOW_LINKS));
                }
            }
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

        void folder(final String name) throws IOException {
            add(new TarArchiveEntry(name + "/"), 0755, null);
        }

        /** The folders above {@code name} that are not in {@code written} yet. */
        void parents(final String name, final Set<String> written) throws IOException {
            for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                String parent = name.substring(0, slash);
                if (written.add(parent)) {
                    folder(parent);
                }
            }
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
                TarArchiveEntry entry = new TarArchiveEntry(extra.getKey());
                entry.setSize(extra.getValue().length);
                entry.setMode(0644);
                entry.setIds(uid, gid);
                tar.putArchiveEntry(entry);
                tar.write(extra.getValue());
                tar.closeArchiveEntry();
            }
        }

        private void add(final TarArchiveEntry entry, final int mode, final Path content) throws IOException {
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
