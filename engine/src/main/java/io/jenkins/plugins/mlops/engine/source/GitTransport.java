package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/** Applies {@link GitCredentials} to a JGit command that talks to a remote. */
final class GitTransport {
    private GitTransport() {
    }

    static <C extends TransportCommand<C, ?>> C configure(final C command, final GitCredentials credentials) {
        if (credentials != null && credentials.hasPassword()) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()));
        }
        return command;
    }
}
