package io.jenkins.plugins.mlops.engine.source;

import java.io.Serializable;
import java.util.List;

/**
 * The commit a fetch left the workspace at.
 *
 * @param commit         the commit id now checked out
 * @param previousCommit the commit checked out before the fetch, or {@code null} on the first clone
 * @param authorName     the commit's author
 * @param authorEmail    the author's e-mail (the default recipient of the chain's mail)
 * @param message        the full commit message
 * @param changedFiles   the files that differ from the previous commit (every file on the first clone), sorted
 */
public record FetchResult(String commit, String previousCommit, String authorName, String authorEmail,
        String message, List<String> changedFiles) implements Serializable {
    private static final long serialVersionUID = 1L;

    public FetchResult {
        changedFiles = List.copyOf(changedFiles);
    }

    /** Whether the fetch brought a commit other than the one checked out before. */
    public boolean isNew() {
        return !commit.equals(previousCommit);
    }
}
