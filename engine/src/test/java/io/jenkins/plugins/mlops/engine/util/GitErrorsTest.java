package io.jenkins.plugins.mlops.engine.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** How git failures become one clear line without secrets. */
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
        java.io.IOException failure = new java.io.IOException("https://ada:hunter2@h/x: connection failed",
                new ConnectException("Connection refused"));

        MlopsException translated = GitErrors.translate("fetch", "https://ada:hunter2@h/x", "main", failure,
                SECRET);

        assertThat(translated.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE);
        assertThat(translated).hasMessageContaining("unreachable").hasMessageContaining("https://****@h/x")
                .hasMessageNotContaining("hunter2").hasNoCause();
    }

    /** An authorisation failure is bad input, even when the server echoes the secret. */
    @Test
    void shouldClassifyAuthenticationAndMaskEchoedSecret() {
        java.io.IOException failure = new java.io.IOException("https://h/x: not authorized (tried hunter2)");

        MlopsException translated = GitErrors.translate("poll", "https://h/x", "main", failure, SECRET);

        assertThat(translated.kind()).isEqualTo(MlopsException.Kind.INPUT);
        assertThat(translated).hasMessageContaining("authentication was refused").hasMessageNotContaining("hunter2");
    }

    /** Only the password leaves a URL: the user name stays, SSH users and plain URLs are untouched. */
    @Test
    void shouldDropPasswordButKeepUser() {
        assertThat(GitErrors.withoutPassword("https://ada:hunter2@h/x.git")).isEqualTo("https://ada@h/x.git");
        assertThat(GitErrors.withoutPassword("ssh://git@h/x.git")).isEqualTo("ssh://git@h/x.git");
        assertThat(GitErrors.withoutPassword("https://h/x.git")).isEqualTo("https://h/x.git");
        assertThat(GitErrors.withoutPassword("file:///tmp/a:b@c/x.git")).isEqualTo("file:///tmp/a:b@c/x.git");
    }
}
