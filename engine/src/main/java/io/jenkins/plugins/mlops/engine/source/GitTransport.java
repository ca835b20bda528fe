package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/** Applies {@link GitCredentials} and a network timeout to JGit commands that talk to a remote (source and publish). */
public final class GitTransport {
    /** Seconds a connection may stay silent before the operation fails (so an unreachable host never hangs a run). */
    static final int TIMEOUT_SECONDS = 60;

    private GitTransport() {
    }

    /** {@code command} with credentials (none when {@code null}) and timeout set. */
    public static <C extends TransportCommand<C, ?>> C configure(final C command, final GitCredentials credentials) {
        command.setTimeout(TIMEOUT_SECONDS);
        if (credentials == null) {
            return command;
        }
        if (credentials.hasPassword()) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()));
        }
        if (credentials.hasSshKey()) {
            SshdSessionFactory factory = MemoryKeySessionFactory.of(credentials.privateKey(), credentials.passphrase());
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport ssh) {
                    ssh.setSshSessionFactory(factory);
                }
            });
        }
        return command;
    }
}
