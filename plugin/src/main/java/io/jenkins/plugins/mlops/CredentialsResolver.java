package io.jenkins.plugins.mlops;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;

/**
 * Looks up username/password credentials per build, as the build's user may see them, and records their use on the
 * build (credentials tracking). The secret values go only into the order for the engine, never into logs.
 */
final class CredentialsResolver {
    private CredentialsResolver() {
    }

    /** The git credentials {@code credentialsId} names, or none when the id is blank. */
    static GitCredentials git(final Run<?, ?> run, final String credentialsId) throws AbortException {
        StandardUsernamePasswordCredentials credentials = find(run, credentialsId);
        return credentials == null ? GitCredentials.NONE
                : GitCredentials.userPassword(credentials.getUsername(), credentials.getPassword().getPlainText());
    }

    /**
     * The credentials {@code credentialsId} names, tracked on {@code run}, or {@code null} when the id is blank.
     *
     * @throws AbortException if no such username/password credentials are visible to the build
     */
    static StandardUsernamePasswordCredentials find(final Run<?, ?> run, final String credentialsId)
            throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        StandardUsernamePasswordCredentials credentials = CredentialsProvider.findCredentialById(credentialsId,
                StandardUsernamePasswordCredentials.class, run);
        if (credentials == null) {
            throw new AbortException("No username/password credentials with id '" + credentialsId
                    + "' are visible to this build; add them under Manage Jenkins > Credentials or fix the id.");
        }
        return CredentialsProvider.track(run, credentials);
    }
}
