package io.jenkins.plugins.mlops.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.eclipse.jgit.transport.RemoteRefUpdate;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The test fixtures themselves: a bare repository served over HTTP takes pushes and serves clones. */
class HttpGitServerIT {
    @TempDir
    private Path temp;

    /** A commit pushed anonymously over HTTP arrives in the bare repository and a fresh clone sees it. */
    @Test
    void shouldPushAndCloneAnonymously() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("README.md", "hello"));
        try (HttpGitServer server = HttpGitServer.start(temp)) {
            String pushed = pushNewFile(server.url("repo.git"), null, "train.py");

            assertThat(GitRepositories.head(bare, "main")).isEqualTo(pushed);
            Path second = temp.resolve("second");
            try (Git git = Git.cloneRepository().setURI(server.url("repo.git")).setDirectory(second.toFile()).call()) {
                assertThat(second.resolve("train.py")).hasContent("print('train')");
            }
        }
    }

    /** With basic auth, the right password pushes and clones; no or a wrong password is refused. */
    @Test
    void shouldRequireBasicAuthWhenConfigured() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("README.md", "hello"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", "s3cret")) {
            String pushed = pushNewFile(server.url("repo.git"),
                    new UsernamePasswordCredentialsProvider("ada", "s3cret"), "model.py");
            assertThat(GitRepositories.head(bare, "main")).isEqualTo(pushed);

            assertThatThrownBy(() -> Git.cloneRepository().setURI(server.url("repo.git"))
                    .setDirectory(temp.resolve("anonymous").toFile()).call())
                    .isInstanceOf(TransportException.class);
            assertThatThrownBy(() -> Git.cloneRepository().setURI(server.url("repo.git"))
                    .setCredentialsProvider(new UsernamePasswordCredentialsProvider("ada", "wrong"))
                    .setDirectory(temp.resolve("wrong").toFile()).call())
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("not authorized");
        }
    }

    /** A protected branch refuses pushes with the hook's reason. */
    @Test
    void shouldRefusePushesToProtectedBranch() throws Exception {
        GitRepositories.createWithFiles(temp, "repo.git", Map.of("README.md", "hello"));
        try (HttpGitServer server = HttpGitServer.start(temp)) {
            server.protectBranch("refs/heads/main");
            Path clone = temp.resolve("clone");
            try (Git git = Git.cloneRepository().setURI(server.url("repo.git")).setDirectory(clone.toFile()).call()) {
                Files.writeString(clone.resolve("x.txt"), "x");
                git.add().addFilepattern("x.txt").call();
                git.commit().setMessage("x").setSign(false).call();
                RemoteRefUpdate update = git.push().call().iterator().next().getRemoteUpdate("refs/heads/main");
                assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.REJECTED_OTHER_REASON);
                assertThat(update.getMessage()).contains("protected branch");
            }
        }
    }

    private Path clonesRoot() throws Exception {
        return Files.createDirectories(temp.resolve("clones"));
    }

    private String pushNewFile(final String url, final UsernamePasswordCredentialsProvider credentials,
            final String file) throws Exception {
        Path clone = Files.createTempDirectory(clonesRoot(), "push");
        try (Git git = Git.cloneRepository().setURI(url).setCredentialsProvider(credentials)
                .setDirectory(clone.toFile()).call()) {
            Files.writeString(clone.resolve(file), "print('train')", StandardCharsets.UTF_8);
            git.add().addFilepattern(file).call();
            String commit = git.commit().setMessage("add " + file).setSign(false).call().getName();
            RemoteRefUpdate update = git.push().setCredentialsProvider(credentials).call().iterator().next()
                    .getRemoteUpdate("refs/heads/main");
            assertThat(update.getStatus()).isEqualTo(RemoteRefUpdate.Status.OK);
            return commit;
        }
    }
}
