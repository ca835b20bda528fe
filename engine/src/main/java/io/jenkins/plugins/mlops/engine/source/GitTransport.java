package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.UnsupportedCredentialItem;
import org.eclipse.jgit.transport.CredentialItem;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;

/**
 * Runs JGit commands that talk to a remote (source and publish) with {@link GitCredentials} and a network timeout,
 * and turns their failures into one clear {@link MlopsException} each.
 */
public final class GitTransport {
    /** Seconds a connection may stay silent before the operation fails (so an unreachable host never hangs a chain). */
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

    /**
     * Calls {@code command} with credentials (none when {@code null}) and the timeout; a failure is one clear line
     * naming the problem and the fix, without secrets.
     *
     * @param action what the command does, for the message ("fetch", "push to")
     * @param url    the remote as it may be shown
     * @param branch the branch concerned, for the message
     */
    public static <C extends TransportCommand<C, T>, T> T call(final C command, final GitCredentials credentials,
            final String action, final String url, final String branch) {
        GitCredentials given = credentials == null ? GitCredentials.NONE : credentials;
        RefusalNotingCredentials provider = configure(command, given);
        try {
            return command.call();
        }
        catch (MlopsException e) {
            // Already one clear line, e.g. an SSH key that cannot be loaded.
            throw e;
        }
        catch (GitAPIException | RuntimeException e) {
            RemoteFailure.Reason reason = RemoteFailure.of(e, provider != null && provider.refused);
            throw GitErrors.translate(action, url, branch, reason, e, given.secrets());
        }
    }

    /**
     * Sets the timeout and {@code credentials} on {@code command}: an SSH key as the session factory, else a
     * provider of the user name and password (if any) that notes when the server refuses them.
     */
    private static RefusalNotingCredentials configure(final TransportCommand<?, ?> command,
            final GitCredentials credentials) {
        command.setTimeout(TIMEOUT_SECONDS);
        if (credentials.hasSshKey()) {
            SshdSessionFactory factory = sshClient(credentials.privateKey(), credentials.passphrase());
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport ssh) {
                    ssh.setSshSessionFactory(factory);
                }
            });
        }
        if (credentials.hasSshKey() && !credentials.hasPassword()) {
            return null;
        }
        RefusalNotingCredentials provider = new RefusalNotingCredentials(credentials.hasPassword()
                ? new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()) : null);
        command.setCredentialsProvider(provider);
        return provider;
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

    /**
     * The user name and password (or none) for JGit, noting a refusal: JGit resets the credentials when the server
     * refused them, and asks for credentials when the server demands some; with none given, that is a refusal too.
     */
    private static final class RefusalNotingCredentials extends CredentialsProvider {
        private final CredentialsProvider given;
        private volatile boolean refused;

        RefusalNotingCredentials(final CredentialsProvider given) {
            this.given = given;
        }

        @Override
        public boolean isInteractive() {
            return false;
        }

        @Override
        public boolean supports(final CredentialItem... items) {
            if (given != null) {
                return given.supports(items);
            }
            return Arrays.stream(items).allMatch(item -> item instanceof CredentialItem.Username
                    || item instanceof CredentialItem.Password);
        }

        @Override
        public boolean get(final URIish uri, final CredentialItem... items) throws UnsupportedCredentialItem {
            if (given == null) {
                refused = true;
                return false;
            }
            return given.get(uri, items);
        }

        @Override
        public void reset(final URIish uri) {
            refused = true;
            if (given != null) {
                given.reset(uri);
            }
        }
    }
}
