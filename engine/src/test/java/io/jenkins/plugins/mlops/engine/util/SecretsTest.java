package io.jenkins.plugins.mlops.engine.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Credentials never reach a log line. */
class SecretsTest {
    /** user:password@ and token@ in URLs are masked, the rest of the text stays. */
    @Test
    void shouldMaskUserInfoInUrls() {
        assertThat(Secrets.maskUrls("cannot reach https://alice:s3cr3t@git.example.com/repo.git: refused"))
                .isEqualTo("cannot reach https://****@git.example.com/repo.git: refused");
        assertThat(Secrets.maskUrls("http://ghp_token123@127.0.0.1:8080/git/a.git"))
                .isEqualTo("http://****@127.0.0.1:8080/git/a.git");
        assertThat(Secrets.maskUrls("file:///tmp/repo.git and ssh://git@host/x"))
                .isEqualTo("file:///tmp/repo.git and ssh://****@host/x");
    }

    /**
     * Issue 13.5: a token without a user name, JGit's three-slash rendering of it, and user info with spaces or
     * tabs (a pasted token) are masked too; before the fix all three were printed as they were.
     */
    @Test
    void shouldMaskTokensWithoutUserAndWithWhiteSpace() {
        assertThat(Secrets.maskUrls("Cannot fetch http://:TOKEN1@127.0.0.1:9/r.git: refused"))
                .isEqualTo("Cannot fetch http://****@127.0.0.1:9/r.git: refused");
        assertThat(Secrets.maskUrls("URI not supported: http:///:TOKEN1@127.0.0.1:9/r.git"))
                .isEqualTo("URI not supported: http:///****@127.0.0.1:9/r.git");
        assertThat(Secrets.maskUrls("The repository URL 'http://u:se cret@host/r.git' is malformed"))
                .isEqualTo("The repository URL 'http://****@host/r.git' is malformed");
        assertThat(Secrets.maskUrls("url https://u:a\tb@host/r.git\nnext line me@example.com"))
                .isEqualTo("url https://****@host/r.git\nnext line me@example.com");
    }

    /** Known secrets are masked wherever they appear. */
    @Test
    void shouldMaskKnownSecrets() {
        assertThat(Secrets.mask("auth failed for hunter2 at smtp", "hunter2", null, ""))
                .isEqualTo("auth failed for **** at smtp");
    }
}
