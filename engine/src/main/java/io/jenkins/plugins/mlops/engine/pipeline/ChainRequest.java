package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.nio.file.Path;

/**
 * What the whole chain needs from a front end.
 *
 * @param workspace   the checkout directory (the current directory for the CLI, the job workspace in Jenkins)
 * @param url         the model repository to fetch, or {@code null} when the workspace is already checked out
 * @param branch      the branch to fetch
 * @param credentials git credentials (fetch, via-git push, publish)
 * @param configFile  a config file of the operator's, overriding mlops.yml, or {@code null}
 * @param options     what the user set, overriding both
 * @param operator    the operator's defaults and what the repository's mlops.yml may set
 * @param publish     whether a passing model may be published
 * @param reportLink  the page the mail links to (the build's, in Jenkins), or {@code null}
 */
public record ChainRequest(Path workspace, String url, String branch, GitCredentials credentials, Path configFile,
        Overrides options, OperatorPolicy operator, boolean publish, String reportLink) {
    public ChainRequest {
        options = options == null ? Overrides.NONE : options;
        operator = operator == null ? OperatorPolicy.DEFAULT : operator;
        credentials = credentials == null ? GitCredentials.NONE : credentials;
        branch = branch == null || branch.isBlank() ? "main" : branch;
    }

    /**
     * The chain over {@code workspace} as it is checked out: nothing fetched, the repository's own mlops.yml, no
     * overrides, the default operator policy, mail as the environment configures it, nothing published.
     */
    public static ChainRequest of(final Path workspace) {
        return new ChainRequest(workspace, null, null, null, null, null, null, false, null);
    }

    /** This request fetching {@code branch} of {@code newUrl} first ({@code null} url: nothing to fetch). */
    public ChainRequest withFetch(final String newUrl, final String newBranch, final GitCredentials newCredentials) {
        return new ChainRequest(workspace, newUrl, newBranch, newCredentials, configFile, options, operator, publish,
                reportLink);
    }

    /** This request with the operator's config file, overriding mlops.yml ({@code null}: none). */
    public ChainRequest withConfigFile(final Path file) {
        return new ChainRequest(workspace, url, branch, credentials, file, options, operator, publish,
                reportLink);
    }

    /** This request with what the user set. */
    public ChainRequest withOptions(final Overrides newOptions) {
        return new ChainRequest(workspace, url, branch, credentials, configFile, newOptions, operator, publish,
                reportLink);
    }

    /** This request under {@code policy}: the operator's defaults and what mlops.yml may set. */
    public ChainRequest withOperator(final OperatorPolicy policy) {
        return new ChainRequest(workspace, url, branch, credentials, configFile, options, policy, publish,
                reportLink);
    }

    /** This request publishing a passing model or not. */
    public ChainRequest withPublish(final boolean mayPublish) {
        return new ChainRequest(workspace, url, branch, credentials, configFile, options, operator, mayPublish,
                reportLink);
    }

    /** This request linking the mail to {@code link}. */
    public ChainRequest withReportLink(final String link) {
        return new ChainRequest(workspace, url, branch, credentials, configFile, options, operator, publish, link);
    }
}
