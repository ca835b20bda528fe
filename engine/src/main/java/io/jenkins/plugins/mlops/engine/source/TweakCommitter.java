package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.ResetCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Commits a tweak of the model code in the checkout and pushes it to the branch being polled (via-git mode). A push
 * that is refused because someone pushed first is not forced: their commit is newer code, and the next poll trains it.
 * A push that fails for any reason is undone locally, so the checkout stays at the trained commit with the trained code.
 */
public final class TweakCommitter {
    private TweakCommitter() {
    }

    /** Commits {@code file} with {@code message}, pushes HEAD to {@code branch} of origin, returns the commit id. */
    public static String commitAndPush(final Path checkout, final String file, final String message,
            final String branch, final GitCredentials credentials, final Committer committer) {
        try (Git git = WorkspaceGit.open(checkout)) {
            ObjectId trained = git.getRepository().resolve(Constants.HEAD);
            git.add().addFilepattern(file).call();
            PersonIdent now = committer.ident();
            RevCommit commit = git.commit().setMessage(message).setAuthor(now).setCommitter(now).setSign(false)
                    .setOnly(file).call();
            try {
                push(git, branch, credentials);
            }
            catch (MlopsException e) {
                if (trained != null) {
                    try {
                        undo(git, trained, file);
                    }
                    catch (GitAPIException | RuntimeException undoFailed) {
                        // the push error is what the user must fix; the failed undo is kept beside it
                        e.addSuppressed(undoFailed);
                    }
                }
                throw e;
            }
            return commit.getName();
        }
        catch (GitAPIException | IOException e) {
            throw MlopsException.infrastructure("Cannot commit the tweak in " + checkout + ": "
                    + Secrets.maskUrls(e.getMessage()) + ". Check that the checkout is a healthy git repository.");
        }
    }

    /**
     * The branch a tweak of {@code checkout} goes to: the branch checked out, or for a detached HEAD (as a Jenkins SCM
     * leaves it) the one branch of origin that points at HEAD.
     */
    public static String branchOf(final Path checkout) {
        try (Git git = WorkspaceGit.open(checkout)) {
            Repository repository = git.getRepository();
            Ref head = repository.exactRef(Constants.HEAD);
            if (head != null && head.isSymbolic()) {
                return Repository.shortenRefName(head.getTarget().getName());
            }
            ObjectId commit = repository.resolve(Constants.HEAD);
            String prefix = Constants.R_REMOTES + Constants.DEFAULT_REMOTE_NAME + "/";
            List<String> candidates = new ArrayList<>();
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
                if (commit != null && commit.equals(ref.getObjectId()) && !ref.getName().endsWith("/HEAD")) {
                    candidates.add(ref.getName().substring(prefix.length()));
                }
            }
            if (candidates.size() != 1) {
                throw MlopsException.input("The checkout " + checkout + " is at a detached HEAD and "
                        + (candidates.isEmpty() ? "no branch" : "several branches " + candidates) + " of origin "
                        + "point at it, so it is unclear where to push the tweak. Check out the branch (Jenkins git: "
                        + "'Check out to specific local branch') or name it (mlops tweak --branch).");
            }
            return candidates.get(0);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the checkout " + checkout + " (" + e.getMessage()
                    + "); fetch the repository again.");
        }
    }

    private static void push(final Git git, final String branch, final GitCredentials credentials) {
        String url = git.getRepository().getConfig().getString("remote", Constants.DEFAULT_REMOTE_NAME, "url");
        String shown = url == null ? "origin" : GitErrors.display(url);
        Iterable<PushResult> results = GitTransport.call(git.push().setRemote(Constants.DEFAULT_REMOTE_NAME)
                .setRefSpecs(new RefSpec("HEAD:" + Constants.R_HEADS + branch)), credentials, "push the tweak to",
                shown, branch);
        for (PushResult result : results) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK
                        && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw MlopsException.infrastructure("The push of the tweak to " + branch + " of " + shown
                            + " was refused (" + update.getStatus()
                            + (update.getMessage() == null ? "" : ": " + update.getMessage())
                            + "). If someone pushed in between, the next poll trains their commit; otherwise "
                            + "check that the credentials may push to " + branch + ".");
                }
            }
        }
    }

    /** Takes the unpushed tweak commit back and restores the trained {@code file}; other files are not touched. */
    private static void undo(final Git git, final ObjectId trained, final String file)
            throws GitAPIException {
        git.reset().setMode(ResetCommand.ResetType.MIXED).setRef(trained.getName()).call();
        git.checkout().setStartPoint(trained.getName()).addPath(file).call();
    }
}
