package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.time.Duration;
import java.util.Collection;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;

/**
 * Answers "is there a new commit on the branch since X?" with one ls-remote: it never clones or fetches, so a poll
 * costs one round trip and no disk.
 */
public final class RepositoryPoller {
    /** How often front ends poll unless configured otherwise (the seed job polled every minute). */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

    /**
     * The remote head of {@code branch} and whether it differs from {@code sinceCommit}.
     *
     * @param url         the repository
     * @param branch      the branch to watch
     * @param credentials how to authenticate
     * @param sinceCommit the commit last seen, or {@code null} (then any head counts as changed)
     * @return the head and whether it changed
     */
    public PollResult poll(final String url, final String branch, final GitCredentials credentials,
            final String sinceCommit) {
        GitCredentials auth = credentials == null ? GitCredentials.NONE : credentials;
        GitErrors.checkUrl(url, auth.secrets());
        String ref = Constants.R_HEADS + branch;
        Collection<Ref> refs = GitTransport.call(Git.lsRemoteRepository().setRemote(url).setHeads(true), auth,
                "poll", url, branch);
        Ref head = refs.stream().filter(r -> r.getName().equals(ref)).findFirst().orElse(null);
        if (head == null || head.getObjectId() == null) {
            throw GitErrors.branchMissing(url, branch, auth.secrets());
        }
        String commit = head.getObjectId().getName();
        return new PollResult(commit, sinceCommit == null || !sinceCommit.equals(commit));
    }
}
