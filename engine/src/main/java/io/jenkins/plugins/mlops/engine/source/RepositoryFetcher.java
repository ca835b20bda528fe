package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.FetchCommand;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * FetchRepo: brings one branch of a model repository into a workspace. The first time it clones (optionally
 * shallow); afterwards it fetches incrementally and hard-resets the workspace to the remote head of the branch, so a
 * force-pushed branch is followed too. Untracked files (such as the engine's {@code .mlops} folder) are kept. A
 * corrupt checkout of the same URL is cloned again with a warning; a directory that is not a checkout of the URL is
 * never touched.
 */
public final class RepositoryFetcher {
    /** Fetches {@code request}'s branch into its checkout directory and reports the commit now checked out. */
    public FetchResult fetch(final FetchRequest request, final RunLog log) {
        String url = request.url();
        GitCredentials credentials = request.credentials();
        GitErrors.checkUrl(url, credentials.secrets());
        Path dir = request.checkoutDir().toAbsolutePath().normalize();
        String shown = GitErrors.display(url);
        CheckoutGuard.State state = CheckoutGuard.inspect(dir, url, credentials);
        if (state == CheckoutGuard.State.CORRUPT) {
            log.error("Warning: the checkout in %s is corrupt (its HEAD or objects cannot be read); cloning %s "
                    + "again. Untracked files outside .git are kept.", dir, shown);
            try {
                CheckoutGuard.deleteGitDir(dir);
            }
            catch (IOException e) {
                throw MlopsException.infrastructure("Cannot remove the corrupt " + dir.resolve(Constants.DOT_GIT)
                        + " (" + e.getMessage() + "). Remove it yourself and run the fetch again.", e);
            }
        }
        boolean cloning = state != CheckoutGuard.State.HEALTHY;
        log.info("%s %s (branch %s%s) into %s", cloning ? "Cloning" : "Fetching", shown, request.branch(),
                request.depth() > 0 ? ", depth " + request.depth() : "", dir);
        try {
            if (cloning) {
                return clone(request, dir, log);
            }
            try (Git git = WorkspaceGit.open(dir)) {
                return update(git, request, log);
            }
        }
        catch (IOException e) {
            throw MlopsException.infrastructure(GitErrors.mask("Cannot update the checkout " + dir + " from "
                    + url + ": " + e.getMessage() + ". Check disk space and permissions.", credentials.secrets()));
        }
    }

    private FetchResult clone(final FetchRequest request, final Path dir, final RunLog log) throws IOException {
        Files.createDirectories(dir);
        boolean done = false;
        try (Git git = initialise(dir, request)) {
            FetchResult result = update(git, request, log);
            done = true;
            return result;
        }
        finally {
            if (!done && Files.isDirectory(dir.resolve(Constants.DOT_GIT))) {
                // The .git was created by this call: leave the directory as it was found. A failure to remove it must
                // not hide why the clone failed (a refused commit is exit 2, not a disk problem).
                try {
                    CheckoutGuard.deleteGitDir(dir);
                }
                catch (IOException e) {
                    log.error("Could not remove the unfinished clone in %s (%s); remove it before the next fetch.",
                            dir.resolve(Constants.DOT_GIT), e.getMessage());
                }
            }
        }
    }

    private static Git initialise(final Path dir, final FetchRequest request) throws IOException {
        Git git = WorkspaceGit.init(dir, request.branch());
        StoredConfig config = git.getRepository().getConfig();
        // The password stays out of .git/config; every fetch is given the full URL instead.
        config.setString("remote", Constants.DEFAULT_REMOTE_NAME, "url", GitErrors.withoutPassword(request.url()));
        config.setString("remote", Constants.DEFAULT_REMOTE_NAME, "fetch", fetchSpec(request.branch()).toString());
        // JGit's automatic gc after a fetch runs in a background thread by default; it then races with whatever
        // comes next in this folder (a refused clone's removal saw gc.log.lock appear). In the fetch's thread instead.
        config.setBoolean(ConfigConstants.CONFIG_GC_SECTION, null, ConfigConstants.CONFIG_KEY_AUTODETACH, false);
        config.save();
        return git;
    }

    private FetchResult update(final Git git, final FetchRequest request, final RunLog log) throws IOException {
        Repository repository = git.getRepository();
        ObjectId previous = repository.resolve(Constants.HEAD);
        String remoteRef = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/" + request.branch();
        FetchCommand fetch = git.fetch().setRemote(request.url()).setRefSpecs(fetchSpec(request.branch()));
        if (request.depth() > 0) {
            fetch.setDepth(request.depth());
        }
        try {
            GitTransport.call(fetch, request.credentials(), "fetch", request.url(), request.branch());
        }
        catch (RemoteFailure e) {
            if (e.reason() == RemoteFailure.Reason.OTHER) {
                // JGit's fetch of a branch the remote lacks fails without a type of its own: ask the remote.
                new RepositoryPoller().poll(request.url(), request.branch(), request.credentials(), null);
            }
            throw e;
        }
        Ref fetched = repository.exactRef(remoteRef);
        if (fetched == null) {
            throw GitErrors.branchMissing(request.url(), request.branch(), request.credentials().secrets());
        }
        // Before the checkout: a commit that tracks the tool's state folder never reaches the workspace.
        TrackedState.refuse(repository, fetched.getObjectId(), "commit " + fetched.getObjectId().getName() + " of "
                + GitErrors.display(request.url()) + ", branch " + request.branch());
        checkout(git, request.branch(), fetched.getObjectId());
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(fetched.getObjectId());
            List<String> changed = changedFiles(repository, walk, previous, commit);
            log.info("At %s \"%s\" by %s; %d file(s) changed since %s", commit.getName(), commit.getShortMessage(),
                    commit.getAuthorIdent().getName(), changed.size(),
                    previous == null ? "nothing (first clone)" : previous.getName());
            return new FetchResult(commit.getName(), previous == null ? null : previous.getName(),
                    commit.getAuthorIdent().getName(), commit.getAuthorIdent().getEmailAddress(),
                    commit.getFullMessage().strip(), changed);
        }
    }

    /** Points the local branch at {@code commit}, makes it HEAD, and resets index and work tree to it. */
    private static void checkout(final Git git, final String branch, final ObjectId commit) throws IOException {
        Repository repository = git.getRepository();
        String localRef = Constants.R_HEADS + branch;
        RefUpdate head = repository.updateRef(Constants.HEAD);
        head.disableRefLog();
        head.link(localRef);
        try {
            git.reset().setMode(ResetCommand.ResetType.HARD).setRef(commit.getName()).call();
        }
        catch (GitAPIException e) {
            throw new IOException("hard reset to " + commit.getName() + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> changedFiles(final Repository repository, final RevWalk walk,
            final ObjectId previous, final RevCommit commit) throws IOException {
        List<String> changed = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repository)) {
            tree.setRecursive(true);
            if (previous != null && repository.getObjectDatabase().has(previous)) {
                tree.addTree(walk.parseCommit(previous).getTree());
                tree.addTree(commit.getTree());
                tree.setFilter(TreeFilter.ANY_DIFF);
            }
            else {
                tree.addTree(commit.getTree());
            }
            while (tree.next()) {
                changed.add(tree.getPathString());
            }
        }
        changed.sort(null);
        return changed;
    }

    private static RefSpec fetchSpec(final String branch) {
        return new RefSpec("+" + Constants.R_HEADS + branch + ":" + Constants.R_REMOTES
                + Constants.DEFAULT_REMOTE_NAME + "/" + branch);
    }
}
