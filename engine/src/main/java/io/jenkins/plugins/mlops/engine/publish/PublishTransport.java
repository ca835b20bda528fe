package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import java.io.File;
import java.util.List;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.transport.sshd.KeyPasswordProvider;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;
import org.eclipse.jgit.util.FS;

/**
 * Applies {@link GitCredentials} and a timeout to JGit's ls-remote, fetch and push. The source stage has the same
 * adapter: stages may not depend on each other and JGit may not live in util, so this small piece exists twice.
 */
final class PublishTransport {
    private static final int TIMEOUT_SECONDS = 60;

    private PublishTransport() {
    }

    static <C extends TransportCommand<C, ?>> C configure(final C command, final GitCredentials credentials) {
        command.setTimeout(TIMEOUT_SECONDS);
        if (credentials.hasPassword()) {
            command.setCredentialsProvider(
                    new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password()));
        }
        if (credentials.sshKey() != null) {
            File home = FS.DETECTED.userHome();
            String passphrase = credentials.passphrase();
            // Host keys are still checked against ~/.ssh/known_hosts: an unknown server is refused, not trusted.
            SshdSessionFactory factory = new SshdSessionFactoryBuilder().setHomeDirectory(home)
                    .setSshDirectory(new File(home, ".ssh"))
                    .setDefaultIdentities(sshDir -> List.of(credentials.sshKey()))
                    .setKeyPasswordProvider(provider -> new KeyPasswordProvider() {
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
                    })
                    .build(null);
            command.setTransportConfigCallback(transport -> {
                if (transport instanceof SshTransport ssh) {
                    ssh.setSshSessionFactory(factory);
                }
            });
        }
        return command;
    }
}
