package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * Refuses a repository that tracks anything under {@code .mlops}, the tool's own state folder (run.json, trials,
 * outbox, report): what lies there is trusted by the steps, so it must come from the tool, never from whoever pushed.
 * The tool's .gitignore leaves .mlops out, but a hostile repository can commit it (a run.json naming an image or a
 * chain id of its choice, links leading out of the workspace). Checked before a fetched commit is checked out and by
 * every step before it reads the state.
 */
public final class TrackedState {
    private TrackedState() {
    }

    /**
     * Refuses {@code workspace} when it is a git checkout whose HEAD commit or index tracks a path under
     * {@code .mlops}; a folder that is no checkout passes.
     *
     * @throws MlopsException (input) naming the path and the fix
     */
    public static void refuse(final Path workspace) {
        if (!Files.isDirectory(workspace.resolve(Constants.DOT_GIT), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Optional<String> tracked;
        try (Git git = WorkspaceGit.open(workspace)) {
            Repository repository = git.getRepository();
            tracked = inIndex(repository).or(() -> inCommit(repository, head(repository)));
        }
        catch (IOException | RuntimeException e) {
            throw MlopsException.input("Cannot read the git checkout " + workspace + " to check that it tracks "
                    + "nothing under " + ChainStateStore.STATE_DIR + " (" + e.getMessage() + "). Fetch it again into "
                    + "an empty folder.");
        }
        tracked.ifPresent(path -> {
            throw refusal(path, "the checkout " + workspace);
        });
    }

    /** Refuses {@code commit} of {@code repository} (before it is checked out) when its tree tracks .mlops. */
    static void refuse(final Repository repository, final ObjectId commit, final String what) {
        inCommit(repository, commit).ifPresent(path -> {
            throw refusal(path, what);
        });
    }

    private static MlopsException refusal(final String path, final String where) {
        return MlopsException.input("The repository tracks " + path + " (in " + where + "), but "
                + ChainStateStore.STATE_DIR + " is the tool's own state folder (run state, trials, outbox, report) and "
                + "is never taken from a repository. Remove " + ChainStateStore.STATE_DIR + " from the repository "
                + "(git rm -r --cached " + ChainStateStore.STATE_DIR + ", commit and push), then run again.");
    }

    private static ObjectId head(final Repository repository) {
        try {
            return repository.resolve(Constants.HEAD);
        }
        catch (IOException e) {
            throw new IllegalStateException("HEAD cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<String> inIndex(final Repository repository) throws IOException {
        DirCache index = DirCache.read(repository.getIndexFile(), repository.getFS());
        for (int i = 0; i < index.getEntryCount(); i++) {
            String path = index.getEntry(i).getPathString();
            if (underStateFolder(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inCommit(final Repository repository, final ObjectId commit) {
        if (commit == null) {
            return Optional.empty();
        }
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(commit).getTree());
            tree.setRecursive(true);
            tree.setFilter(PathFilter.create(ChainStateStore.STATE_DIR));
            return tree.next() ? Optional.of(tree.getPathString()) : Optional.empty();
        }
        catch (IOException e) {
            throw new IllegalStateException("commit " + commit.getName() + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static boolean underStateFolder(final String path) {
        return path.equals(ChainStateStore.STATE_DIR) || path.startsWith(ChainStateStore.STATE_DIR + "/");
    }
}
