package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.net.ConnectException;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.eclipse.jgit.api.errors.InvalidRemoteException;
import org.eclipse.jgit.api.errors.RefNotAdvertisedException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** How git failures are told apart by type and become one clear line without secrets. */
class GitErrorsTest {
    private static final String SECRET = "hunter2";

    /** URLs with a scheme must name a host, use a git scheme and hold no white space. */
    @Test
    void shouldRejectMalformedUrls() {
        for (String url : new String[] {"", "  ", "https://exa mple.com/x.git", "https:///x.git", "gopher://h/x",
                "http://host:99999999999/x", "https://ada:hunter2@exa mple.com/x"}) {
            assertThatThrownBy(() -> GitErrors.checkUrl(url, SECRET)).as(url)
                    .isInstanceOf(MlopsException.class)
                    .hasMessageContaining("malformed")
                    .hasMessageNotContaining("hunter2");
        }
    }

    /** Ordinary git URLs, scp-like addresses and local paths pass. */
    @Test
    void shouldAcceptGitUrls() {
        for (String url : new String[] {"https://github.com/o/r.git", "ssh://git@host:22/o/r.git", "git@host:o/r.git",
                "file:///tmp/repo.git", "/tmp/repo.git", "http://127.0.0.1:8080/git/repo.git"}) {
            assertThatNoException().as(url).isThrownBy(() -> GitErrors.checkUrl(url, SECRET));
        }
    }

    /** A refused connection is an infrastructure problem; the password in URL and message is masked. */
    @Test
    void shouldClassifyUnreachableHostAndMask() {
        IOException failure = new IOException("https://ada:hunter2@h/x: connection failed",
                new ConnectException("Connection refused"));

        MlopsException translated = translate("fetch", "https://ada:hunter2@h/x", failure, false);

        assertThat(translated.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE);
        assertThat(translated).hasMessageContaining("unreachable").hasMessageContaining("https://****@h/x")
                .hasMessageNotContaining("hunter2").hasNoCause();
    }

    /**
     * A refusal is bad input, even when the server echoes the secret; the words of a message decide nothing: JGit's
     * "not authorized" without a refusal noted is shown as the transport's reason.
     */
    @Test
    void shouldClassifyRefusalByWhatHappenedNotByWords() throws Exception {
        TransportException failure = new TransportException(new URIish("https://h/x"),
                "not authorized (tried hunter2)");

        MlopsException refused = translate("poll", "https://h/x", failure, true);
        MlopsException unexplained = translate("poll", "https://h/x", failure, false);

        assertThat(refused.kind()).isEqualTo(MlopsException.Kind.INPUT);
        assertThat(refused).hasMessageContaining("authentication was refused").hasMessageNotContaining("hunter2");
        assertThat(unexplained.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE);
        assertThat(unexplained).hasMessageContaining("not authorized").hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("authentication was refused");
    }

    /** SSHD's "no more authentication methods" (JGit's login denied) is a refusal, whatever the text. */
    @Test
    void shouldClassifySshLoginDenied() throws Exception {
        Exception failure = new org.eclipse.jgit.api.errors.TransportException("ssh://h/x: login denied",
                new TransportException(new URIish("ssh://h/x"), "denied", new SshException(
                        SshConstants.SSH2_DISCONNECT_NO_MORE_AUTH_METHODS_AVAILABLE, "whatever")));

        assertThat(RemoteFailure.of(failure, false)).isEqualTo(RemoteFailure.Reason.AUTHENTICATION);
        assertThat(RemoteFailure.of(new SshException("No more authentication methods available"), false))
                .as("another disconnect code").isEqualTo(RemoteFailure.Reason.OTHER);
    }

    /** A missing repository and a missing branch are bad input, told by JGit's exception types. */
    @Test
    void shouldClassifyMissingRepositoryAndBranch() throws Exception {
        Exception noRepository = new InvalidRemoteException("Invalid remote: origin",
                new NoRemoteRepositoryException(new URIish("https://h/x"), "not found"));

        MlopsException repository = translate("fetch", "https://h/x", noRepository, false);
        MlopsException branch = translate("fetch", "https://h/x", new RefNotAdvertisedException("gone"), false);

        assertThat(repository.kind()).isEqualTo(MlopsException.Kind.INPUT);
        assertThat(repository).hasMessageContaining("there is no git repository at this URL");
        assertThat(branch.kind()).isEqualTo(MlopsException.Kind.INPUT);
        assertThat(branch).hasMessageContaining("The branch 'main' does not exist in https://h/x");
    }

    /** Only the password leaves a URL: the user name stays, SSH users and plain URLs are untouched. */
    @Test
    void shouldDropPasswordButKeepUser() {
        assertThat(GitErrors.withoutPassword("https://ada:hunter2@h/x.git")).isEqualTo("https://ada@h/x.git");
        assertThat(GitErrors.withoutPassword("ssh://git@h/x.git")).isEqualTo("ssh://git@h/x.git");
        assertThat(GitErrors.withoutPassword("https://h/x.git")).isEqualTo("https://h/x.git");
        assertThat(GitErrors.withoutPassword("file:///tmp/a:b@c/x.git")).isEqualTo("file:///tmp/a:b@c/x.git");
        assertThat(GitErrors.withoutPassword("https://u:se cret@host/r.git")).isEqualTo("https://u@host/r.git");
        assertThat(GitErrors.withoutPassword("https://:TOKEN@host/r.git")).isEqualTo("https://@host/r.git");
    }

    private static MlopsException translate(final String action, final String url, final Exception failure,
            final boolean refused) {
        return GitErrors.translate(action, url, "main", RemoteFailure.of(failure, refused), failure, SECRET);
    }
}
