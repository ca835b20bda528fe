package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.notify.MailSettings;
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
 * @param mail        SMTP and recipients, or {@code null} to mail only when the environment configures it
 * @param publish     whether a passing model may be published
 * @param reportLink  a link to the run page, for the mail, or {@code null}
 */
public record ChainRequest(Path workspace, String url, String branch, GitCredentials credentials, Path configFile,
        Overrides options, OperatorPolicy operator, MailSettings mail, boolean publish, String reportLink) {
    public ChainRequest {
        options = options == null ? Overrides.NONE : options;
        operator = operator == null ? OperatorPolicy.DEFAULT : operator;
        credentials = credentials == null ? GitCredentials.NONE : credentials;
        branch = branch == null || branch.isBlank() ? "main" : branch;
    }
}
