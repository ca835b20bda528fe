package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/** Applies {@link GitCredentials} and a network timeout to JGit commands that talk to a remote (source and publish). */
public final class GitTransport {
    /** Seconds a connection may stay silent before the operation fails (so an unreachable host never hangs a run). */
    static final int TIMEOUT_SECONDS = 60;
    /** More keys than one process uses at once; beyond it the least recently used client is closed. */
    private static final int MAX_SSH_CLIENTS = 8;
    /**
     * One SSH client per key and passphrase, reused: each factory starts a client with threads of its own, and
     * factories never closed would pile up in long-lived processes (mlops watch, Jenkins agents).
     */
    private static final Map<List<String>, SshdSessionFactory> SSH_CLIENTS = new SshClients();

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
            SshdSessionFactory factory = sshClient(credentials.privateKey(), credentials.passphrase());
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport ssh) {
                    ssh.setSshSessionFactory(factory);
                }
            });
        }
        return command;
    }

    /** The SSH client for {@code privateKey}; a key that does not load is an input error and is not kept. */
    static SshdSessionFactory sshClient(final String privateKey, final String passphrase) {
        synchronized (SSH_CLIENTS) {
            return SSH_CLIENTS.computeIfAbsent(Arrays.asList(privateKey, passphrase),
                    key -> MemoryKeySessionFactory.of(privateKey, passphrase));
        }
    }

    /** Least recently used first; closes what it evicts. */
    private static final class SshClients extends LinkedHashMap<List<String>, SshdSessionFactory> {
        private static final long serialVersionUID = 1L;

        SshClients() {
            super(16, 0.75f, true);
        }

        @Override
        protected boolean removeEldestEntry(final Map.Entry<List<String>, SshdSessionFactory> eldest) {
            if (size() <= MAX_SSH_CLIENTS) {
                return false;
            }
            eldest.getValue().close();
            return true;
        }
    }
}
