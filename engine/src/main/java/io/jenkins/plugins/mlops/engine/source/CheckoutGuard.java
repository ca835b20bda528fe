package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Decides what may be done with a checkout directory before a fetch: start from scratch, reuse it, or re-clone it
 * because it is corrupt. It never deletes a directory it cannot prove to be a checkout of the requested URL, and
 * it only ever deletes the {@code .git} folder inside the checkout directory.
 */
final class CheckoutGuard {
    /** What the directory holds. */
    enum State {
        /** Missing or empty (or holding only the engine's own {@code .mlops} folder): clone into it. */
        EMPTY,
        /** A readable checkout of the requested URL: fetch into it. */
        HEALTHY,
        /** A checkout of the requested URL whose HEAD or objects cannot be read: re-clone it. */
        CORRUPT
    }

    private CheckoutGuard() {
    }

    /** What {@code dir} holds, or a bad-input error when it holds something that is not ours to touch. */
    static State inspect(final Path dir, final String url, final GitCredentials credentials) {
        Path gitDir = dir.resolve(Constants.DOT_GIT);
        if (!Files.exists(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            if (holdsOtherFiles(dir)) {
                throw MlopsException.input(GitErrors.mask("The checkout directory " + dir + " already holds "
                        + "files but is not a git checkout; refusing to clone " + url + " over them. Choose an "
                        + "empty directory with --workspace, or empty this one yourself.", credentials.secrets()));
            }
            return State.EMPTY;
        }
        if (!Files.isDirectory(gitDir, LinkOption.NOFOLLOW_LINKS)) {
            throw notOurs(dir, url, "its .git is not a directory", credentials);
        }
        String origin = originUrl(gitDir);
        if (origin == null) {
            throw notOurs(dir, url, "its git configuration names no readable origin", credentials);
        }
        if (!sameUrl(origin, url)) {
            throw notOurs(dir, url, "it is a checkout of " + origin, credentials);
        }
        return isReadable(gitDir) ? State.HEALTHY : State.CORRUPT;
    }

    /** Deletes {@code dir/.git} (and only that) so the checkout can be cloned again; never follows links. */
    static void deleteGitDir(final Path dir) throws IOException {
        Path gitDir = dir.resolve(Constants.DOT_GIT);
        try (Stream<Path> paths = Files.walk(gitDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                if (!path.normalize().startsWith(gitDir.normalize())) {
                    throw new IOException("refusing to delete " + path + " outside " + gitDir);
                }
                Files.delete(path);
            }
        }
    }

    private static boolean holdsOtherFiles(final Path dir) {
        if (!Files.isDirectory(dir)) {
            return Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(entry -> !entry.getFileName().toString().equals(ChainStateStore.STATE_DIR));
        }
        catch (IOException e) {
            return true;
        }
    }

    private static String originUrl(final Path gitDir) {
        try (Repository repository = WorkspaceGit.openGitDir(gitDir)) {
            return repository.getConfig().getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
        }
        catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    static boolean sameUrl(final String a, final String b) {
        return trimUrl(a).equals(trimUrl(b));
    }

    private static String trimUrl(final String url) {
        String trimmed = GitErrors.withoutPassword(url.strip());
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** Whether HEAD resolves and its commit and whole tree can be read (no HEAD yet counts as readable). */
    private static boolean isReadable(final Path gitDir) {
        try (Repository repository = WorkspaceGit.openGitDir(gitDir)) {
            if (repository.exactRef(Constants.HEAD) == null) {
                return false;
            }
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return true;
            }
            try (RevWalk walk = new RevWalk(repository); ObjectReader reader = repository.newObjectReader();
                    TreeWalk tree = new TreeWalk(reader)) {
                RevCommit commit = walk.parseCommit(head);
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (tree.next()) {
                    if (!reader.has(tree.getObjectId(0))) {
                        return false;
                    }
                }
            }
            return true;
        }
        catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static MlopsException notOurs(final Path dir, final String url, final String why,
            final GitCredentials credentials) {
        return MlopsException.input(GitErrors.mask("The checkout directory " + dir + " cannot be used for " + url
                + ": " + why + ". Nothing was deleted; choose another directory with --workspace, or remove this "
                + "one yourself if it is no longer needed.", credentials.secrets()));
    }
}
