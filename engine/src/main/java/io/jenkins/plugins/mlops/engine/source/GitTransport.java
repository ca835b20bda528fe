package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

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
        if (credentials.sshKey() != null) {
            SshdSessionFactory factory = sshFactory(credentials.sshKey(), credentials.passphrase());
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport ssh) {
                    ssh.setSshSessionFactory(factory);
                }
            });
        }
        return command;
    }

    /**
     * An SSH session factory that offers exactly {@code key}; host keys are still checked against the user's
     * {@code ~/.ssh/known_hosts}, so a spoofed server is refused rather than trusted.
     */
    private static SshdSessionFactory sshFactory(final Path key, final String passphrase) {
        File home = FS.DETECTED.userHome();
        return new SshdSessionFactoryBuilder()
                .setHomeDirectory(home)
                .setSshDirectory(new File(home, ".ssh"))
                .setDefaultIdentities(sshDir -> List.of(key))
                .setKeyPasswordProvider(provider -> new FixedPassphrase(passphrase))
                .build(null);
    }

    /** Hands the configured passphrase to the SSH client; never asks interactively. */
    private static final class FixedPassphrase implements KeyPasswordProvider {
        private final String passphrase;

        FixedPassphrase(final String passphrase) {
            this.passphrase = passphrase;
        }

        @Override
        public char[] getPassphrase(final URIish uri, final int attempt) {
            return passphrase == null ? null : passphrase.toCharArray();
        }

        @Override
        public void setAttempts(final int maxNumberOfAttempts) {
            // One attempt: the passphrase is fixed, asking again cannot help.
        }

        @Override
        public boolean keyLoaded(final URIish uri, final int attempt, final Exception error) {
            return false;
        }
    }
}
