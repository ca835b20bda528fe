package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.nio.file.Path;
import java.util.Map;

/**
 * Git credentials of the CLI: only ever from the environment, never from arguments (which other users of the machine
 * can read in the process list).
 */
final class GitEnvironment {
    static final String USERNAME = "MLOPS_GIT_USERNAME";
    static final String PASSWORD = "MLOPS_GIT_PASSWORD";
    static final String SSH_KEY = "MLOPS_GIT_SSH_KEY";
    static final String SSH_PASSPHRASE = "MLOPS_GIT_SSH_PASSPHRASE";

    private GitEnvironment() {
    }

    /**
     * The credentials {@code env} configures: an SSH key file (read now), a user + password/token, or none.
     *
     * @throws io.jenkins.plugins.mlops.engine.util.MlopsException (input) when the SSH key file cannot be read
     */
    static GitCredentials credentials(final Map<String, String> env) {
        String key = blankToNull(env.get(SSH_KEY));
        if (key != null) {
            return GitCredentials.sshKeyFile(Path.of(key), blankToNull(env.get(SSH_PASSPHRASE)));
        }
        String password = blankToNull(env.get(PASSWORD));
        if (password != null) {
            String user = blankToNull(env.get(USERNAME));
            // Token-only hosts accept any user name with a token; git's own convention is this one.
            return GitCredentials.userPassword(user == null ? "x-access-token" : user, password);
        }
        return GitCredentials.NONE;
    }

    private static String blankToNull(final String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
