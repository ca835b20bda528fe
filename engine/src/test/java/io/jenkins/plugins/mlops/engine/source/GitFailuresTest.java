package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.net.ConnectException;
import org.eclipse.jgit.api.errors.TransportException;
import org.junit.jupiter.api.Test;

/** How git failures become one clear line without secrets. */
class GitFailuresTest {
    private static final GitCredentials CREDENTIALS = GitCredentials.userPassword("ada", "hunter2");

    /** URLs with a scheme must name a host, use a git scheme and hold no white space. */
    @Test
    void shouldRejectMalformedUrls() {
        for (String url : new String[] {"", "  ", "https://exa mple.com/x.git", "https:///x.git", "gopher://h/x",
                "http://host:99999999999/x", "https://ada:hunter2@exa mple.com/x"}) {
            assertThatThrownBy(() -> GitFailures.checkUrl(url, CREDENTIALS)).as(url)
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
            assertThatNoException().as(url).isThrownBy(() -> GitFailures.checkUrl(url, CREDENTIALS));
        }
    }

    /** A refused connection is an infrastructure problem; the password in URL and message is masked. */
    @Test
    void shouldClassifyUnreachableHostAndMask() {
        TransportException failure = new TransportException("https://ada:hunter2@h/x: connection failed",
                new ConnectException("Connection refused"));

        MlopsException translated = GitFailures.translate("fetch", "https://ada:hunter2@h/x", "main", CREDENTIALS,
                failure);

        assertThat(translated.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE);
        assertThat(translated).hasMessageContaining("unreachable").hasMessageContaining("https://****@h/x")
                .hasMessageNotContaining("hunter2").hasNoCause();
    }

    /** An authorisation failure is bad input, even when the server echoes the secret. */
    @Test
    void shouldClassifyAuthenticationAndMaskEchoedSecret() {
        TransportException failure = new TransportException("https://h/x: not authorized (tried hunter2)");

        MlopsException translated = GitFailures.translate("poll", "https://h/x", "main", CREDENTIALS, failure);

        assertThat(translated.kind()).isEqualTo(MlopsException.Kind.INPUT);
        assertThat(translated).hasMessageContaining("authentication was refused").hasMessageNotContaining("hunter2");
    }
}
