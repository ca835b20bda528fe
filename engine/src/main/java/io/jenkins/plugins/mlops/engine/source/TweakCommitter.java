package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Commits a tweak of the model code in the checkout and pushes it to the branch being polled (via-git mode). A push
 * that is refused because someone pushed first is not forced: their commit is newer code, and the next poll trains it.
 */
public final class TweakCommitter {
    /** Who the tweak commits are from. */
    public static final PersonIdent BOT = new PersonIdent("mlops", "mlops@localhost");

    private TweakCommitter() {
    }

    /** Commits {@code file} with {@code message}, pushes HEAD to {@code branch} of origin, returns the commit id. */
    public static String commitAndPush(final Path checkout, final String file, final String message,
            final String branch, final GitCredentials credentials) {
        try (Git git = Git.open(checkout.toFile())) {
            git.add().addFilepattern(file).call();
            RevCommit commit = git.commit().setMessage(message).setAuthor(BOT).setCommitter(BOT).setSign(false)
                    .setOnly(file).call();
            Iterable<PushResult> results = GitTransport.configure(git.push(), credentials).setRemote("origin")
                    .setRefSpecs(new RefSpec("HEAD:refs/heads/" + branch)).call();
            for (PushResult result : results) {
                for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                    if (update.getStatus() != RemoteRefUpdate.Status.OK
                            && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                        throw MlopsException.infrastructure("The push of the tweak to " + branch + " was refused ("
                                + update.getStatus() + (update.getMessage() == null ? "" : ": " + update.getMessage())
                                + "). If someone pushed in between, the next poll trains their commit; otherwise "
                                + "check that the credentials may push to " + branch + ".");
                    }
                }
            }
            return commit.getName();
        }
        catch (GitAPIException | IOException e) {
            throw MlopsException.infrastructure("Cannot commit and push the tweak in " + checkout + ": "
                    + Secrets.maskUrls(e.getMessage()) + ". Check the remote and the credentials.");
        }
    }
}
