package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to fetch and where to.
 *
 * @param url         the model repository (https, ssh or file URL); may carry user info, which is never logged
 * @param branch      the branch to follow, e.g. {@code main}
 * @param credentials how to authenticate, {@link GitCredentials#NONE} for none
 * @param checkoutDir the workspace the branch is checked out into
 * @param depth       how many commits to fetch, {@code 0} for the full history
 */
public record FetchRequest(String url, String branch, GitCredentials credentials, Path checkoutDir, int depth) {
    public FetchRequest {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(checkoutDir, "checkoutDir");
        credentials = credentials == null ? GitCredentials.NONE : credentials;
        if (depth < 0) {
            throw new IllegalArgumentException("depth must be 0 (full history) or positive, got " + depth);
        }
    }
}
