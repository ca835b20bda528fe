package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.source.GitErrors;
import io.jenkins.plugins.mlops.engine.source.GitTransport;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Pushes the model commit and its tag in one atomic push without force, and says whether it landed or lost a race;
 * every other refusal becomes a clear error.
 */
final class ModelPush {
    /** How a push ended when it did not fail outright. */
    enum Outcome {
        /** Branch and tag are on the remote. */
        PUSHED,
        /** The branch moved on since it was read: rebuild on the new head and try again. */
        RACE_LOST
    }

    private static final String STAGING = "refs/mlops/publish/";

    private ModelPush() {
    }

    static Outcome push(final Repository repository, final String url, final PublishRequest request,
            final ObjectId commit, final ObjectId tag) throws IOException {
        String commitRef = STAGING + "commit";
        String tagRef = STAGING + "tag";
        String branchRef = Constants.R_HEADS + request.branch();
        String remoteTag = Constants.R_TAGS + request.tag();
        setRef(repository, commitRef, commit);
        setRef(repository, tagRef, tag);
        try (Git git = new Git(repository)) {
            Iterable<PushResult> results = GitTransport.call(git.push().setRemote(url).setAtomic(true)
                    .setForce(false)
                    .setRefSpecs(new RefSpec(commitRef + ":" + branchRef), new RefSpec(tagRef + ":" + remoteTag)),
                    request.credentials(), "push to", url, request.branch());
            PushResult result = results.iterator().next();
            return outcome(url, request, result.getRemoteUpdate(branchRef), result.getRemoteUpdate(remoteTag));
        }
        finally {
            deleteRef(repository, commitRef);
            deleteRef(repository, tagRef);
        }
    }

    private static Outcome outcome(final String url, final PublishRequest request, final RemoteRefUpdate branch,
            final RemoteRefUpdate tag) {
        if (branch.getStatus() == RemoteRefUpdate.Status.OK && tag.getStatus() == RemoteRefUpdate.Status.OK) {
            return Outcome.PUSHED;
        }
        if (isRace(branch)) {
            return Outcome.RACE_LOST;
        }
        if (isRefused(branch)) {
            String reason = branch.getMessage() == null ? branch.getStatus().name() : branch.getMessage();
            throw MlopsException.input(GitErrors.mask("The remote " + url + " refused the push to "
                    + request.branch() + " (" + reason + "). The branch may be protected: publish to another "
                    + "branch (--branch, publish.branch; default mlops/models) or allow pushes to it.",
                    request.credentials().secrets()));
        }
        if (isRefused(tag) || tag.getStatus() == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD) {
            throw tagExists(url, request);
        }
        throw MlopsException.infrastructure(GitErrors.mask("The push to " + url + " did not complete (branch "
                + branch.getStatus() + ", tag " + tag.getStatus() + "). Retry the publish.",
                request.credentials().secrets()));
    }

    static MlopsException tagExists(final String url, final PublishRequest request) {
        return MlopsException.input(GitErrors.mask("The tag " + request.tag() + " already exists in " + url
                + "; a published model's tag is never moved. Publish under another tag (another trial or build "
                + "number) or delete the old tag on the remote if it was a mistake.",
                request.credentials().secrets()));
    }

    /** Someone pushed in between: the branch is no longer where the commit was built on. */
    private static boolean isRace(final RemoteRefUpdate update) {
        RemoteRefUpdate.Status status = update.getStatus();
        String message = update.getMessage() == null ? "" : update.getMessage().toLowerCase(Locale.ROOT);
        return status == RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
                || status == RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED
                || status == RemoteRefUpdate.Status.REJECTED_OTHER_REASON
                && (message.contains("lock") || message.contains("non-fast-forward") || message.contains("fetch first"));
    }

    /** Refused for its own sake (a hook, a permission), not because another ref of the atomic push failed. */
    private static boolean isRefused(final RemoteRefUpdate update) {
        String message = update.getMessage() == null ? "" : update.getMessage().toLowerCase(Locale.ROOT);
        return (update.getStatus() == RemoteRefUpdate.Status.REJECTED_OTHER_REASON
                || update.getStatus() == RemoteRefUpdate.Status.REJECTED_NODELETE)
                && !message.contains("transaction aborted") && !message.contains("atomic");
    }

    private static void setRef(final Repository repository, final String name, final ObjectId id)
            throws IOException {
        RefUpdate update = repository.updateRef(name);
        update.setNewObjectId(id);
        update.setForceUpdate(true);
        update.disableRefLog();
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FORCED
                && result != RefUpdate.Result.NO_CHANGE) {
            throw new IOException("cannot set " + name + ": " + result);
        }
    }

    private static void deleteRef(final Repository repository, final String name) throws IOException {
        if (repository.exactRef(name) != null) {
            RefUpdate update = repository.updateRef(name);
            update.setForceUpdate(true);
            update.delete();
        }
    }
}
