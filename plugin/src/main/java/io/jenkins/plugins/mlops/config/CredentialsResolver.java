package io.jenkins.plugins.mlops.config;

import com.cloudbees.jenkins.plugins.sshcredentials.SSHUserPrivateKey;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernameCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import hudson.AbortException;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.util.Secret;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.util.List;

/**
 * Looks up credentials per build, as the build's user may see them, and records their use on the build (credentials
 * tracking). The secret values go only into the order for the engine, never into logs.
 */
public final class CredentialsResolver {
    private CredentialsResolver() {
    }

    /**
     * The git credentials {@code credentialsId} names (username/password or token, or an SSH private key), or none
     * when the id is blank. An SSH key goes to the agent as its text, not as a file.
     *
     * @throws AbortException if no such credentials are visible to the build, or an SSH credential holds no key
     */
    public static GitCredentials git(final Run<?, ?> run, final String credentialsId) throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return GitCredentials.NONE;
        }
        StandardUsernameCredentials credentials = CredentialsProvider.findCredentialById(credentialsId,
                StandardUsernameCredentials.class, run);
        if (credentials instanceof StandardUsernamePasswordCredentials password) {
            CredentialsProvider.track(run, password);
            return GitCredentials.userPassword(password.getUsername(), password.getPassword().getPlainText());
        }
        if (credentials instanceof SSHUserPrivateKey ssh) {
            List<String> keys = ssh.getPrivateKeys();
            if (keys.isEmpty()) {
                throw new AbortException("The SSH credentials '" + credentialsId + "' hold no private key; enter "
                        + "the key under Manage Jenkins > Credentials.");
            }
            CredentialsProvider.track(run, ssh);
            Secret passphrase = ssh.getPassphrase();
            return GitCredentials.sshKey(String.join("\n", keys),
                    passphrase == null || passphrase.getPlainText().isEmpty() ? null : passphrase.getPlainText());
        }
        throw new AbortException("No username/password or SSH private key credentials with id '" + credentialsId
                + "' are visible to this build; add them under Manage Jenkins > Credentials or fix the id.");
    }

    /**
     * The SMTP credentials of the global configuration, looked up at system level (as email-ext's mail accounts
     * are): the administrator picked them from the global and System-scoped credentials, which a lookup as the build
     * would never find. Tracked on {@code run}; {@code null} when the id is blank.
     *
     * @throws AbortException if there are no such username/password credentials in Jenkins' global store
     */
    public static StandardUsernamePasswordCredentials smtp(final Run<?, ?> run, final String credentialsId)
            throws AbortException {
        if (credentialsId == null || credentialsId.isBlank()) {
            return null;
        }
        StandardUsernamePasswordCredentials credentials = CredentialsMatchers.firstOrNull(
                CredentialsProvider.lookupCredentialsInItem(StandardUsernamePasswordCredentials.class, null,
                        ACL.SYSTEM2, List.of()), CredentialsMatchers.withId(credentialsId));
        if (credentials == null) {
            throw new AbortException("The SMTP credentials '" + credentialsId + "' of Manage Jenkins > System > MLOps "
                    + "do not exist (or are not username/password); add them under Manage Jenkins > Credentials "
                    + "(global domain) or pick others there.");
        }
        return CredentialsProvider.track(run, credentials);
    }
}
