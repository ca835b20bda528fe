package io.jenkins.plugins.mlops.engine.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.HttpGitServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FetchRepo against real repositories: file:// bare repositories and the HTTP git server with basic auth. */
class RepositoryFetcherIT {
    private static final String PASSWORD = "t0p-s3cret";
    private static final GitCredentials ADA = GitCredentials.userPassword("ada", PASSWORD);

    @TempDir
    private Path temp;

    private final RepositoryFetcher fetcher = new RepositoryFetcher();
    private final RunLog log = new RunLog();

    /** The first fetch clones: every file counts as changed and the author and message are reported. */
    @Test
    void shouldCloneOnFirstFetch() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()", "data/x.csv", "1"));
        Path workspace = temp.resolve("ws");

        FetchResult result = fetcher.fetch(request(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace),
                log);

        assertThat(result.commit()).isEqualTo(GitRepositories.head(bare, "main"));
        assertThat(result.previousCommit()).isNull();
        assertThat(result.authorName()).isEqualTo("Ada Trainer");
        assertThat(result.authorEmail()).isEqualTo("ada@example.org");
        assertThat(result.message()).isEqualTo("initial commit");
        assertThat(result.changedFiles()).containsExactly("data/x.csv", "train.py");
        assertThat(workspace.resolve("train.py")).hasContent("fit()");
    }

    /** After a new commit, an incremental fetch reports exactly the added, modified and deleted files. */
    @Test
    void shouldFetchIncrementallyOverHttpWithBasicAuth() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git",
                Map.of("train.py", "fit()", "old.txt", "x", "keep.txt", "k"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", PASSWORD)) {
            Path workspace = temp.resolve("ws");
            FetchRequest request = request(server.url("repo.git"), "main", ADA, workspace);
            FetchResult first = fetcher.fetch(request, log);
            Map<String, String> change = new HashMap<>();
            change.put("train.py", "fit(epochs=3)");
            change.put("new.py", "n");
            change.put("old.txt", null);
            String second = GitRepositories.commit(bare, "main", "more epochs", change);

            FetchResult result = fetcher.fetch(request, log);

            assertThat(result.commit()).isEqualTo(second);
            assertThat(result.previousCommit()).isEqualTo(first.commit());
            assertThat(result.message()).isEqualTo("more epochs");
            assertThat(result.changedFiles()).containsExactly("new.py", "old.txt", "train.py");
            assertThat(workspace.resolve("old.txt")).doesNotExist();
            assertThat(workspace.resolve("train.py")).hasContent("fit(epochs=3)");
        }
    }

    /** A shallow clone works, and the engine's .mlops folder survives later fetches. */
    @Test
    void shouldCloneShallowAndKeepUntrackedState() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        GitRepositories.commit(bare, "main", "second", Map.of("a.py", "2"));
        Path workspace = temp.resolve("ws");
        Files.createDirectories(workspace.resolve(".mlops"));
        Files.writeString(workspace.resolve(".mlops/run.json"), "{}");
        FetchRequest request = new FetchRequest(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace, 1);

        fetcher.fetch(request, log);
        GitRepositories.commit(bare, "main", "third", Map.of("a.py", "3"));
        FetchResult result = fetcher.fetch(request, log);

        assertThat(result.changedFiles()).containsExactly("a.py");
        assertThat(workspace.resolve(".git/shallow")).exists();
        assertThat(workspace.resolve(".mlops/run.json")).hasContent("{}");
    }

    /** A force-pushed branch is followed: the workspace is reset to the new head, not merged. */
    @Test
    void shouldFollowForcePushedBranch() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1", "b.py", "b"));
        Path workspace = temp.resolve("ws");
        FetchRequest request = request(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace);
        FetchResult first = fetcher.fetch(request, log);
        String rewritten = GitRepositories.forcePush(bare, "main", "rewritten", Map.of("a.py", "2"));

        FetchResult result = fetcher.fetch(request, log);

        assertThat(result.commit()).isEqualTo(rewritten);
        assertThat(result.previousCommit()).isEqualTo(first.commit());
        assertThat(result.changedFiles()).containsExactly("a.py", "b.py");
        assertThat(workspace.resolve("b.py")).doesNotExist();
        assertThat(workspace.resolve("a.py")).hasContent("2");
    }

    /** A wrong password is one clear bad-input line that never shows the password. */
    @Test
    void shouldRefuseWrongPasswordWithoutLeakingIt() throws Exception {
        GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", "right-one")) {
            Path workspace = temp.resolve("ws");

            assertThatThrownBy(() -> fetcher.fetch(request(server.url("repo.git"), "main", ADA, workspace), log))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("authentication was refused")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(workspace.resolve(".git")).as("a failed first clone leaves nothing behind").doesNotExist();
        }
    }

    /** A password in the URL itself is masked in the error and in the log. */
    @Test
    void shouldMaskCredentialsInUrl() throws Exception {
        GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", "right-one")) {
            String url = server.url("repo.git").replace("http://", "http://ada:" + PASSWORD + "@");

            assertThatThrownBy(() -> fetcher.fetch(request(url, "main", GitCredentials.NONE, temp.resolve("ws")),
                    log))
                    .isInstanceOf(MlopsException.class)
                    .hasMessageContaining("http://****@127.0.0.1")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(String.join("\n", log.getInfoMessages())).doesNotContain(PASSWORD).contains("****@");
        }
    }

    /** A password in the URL works for fetching but is never written into the checkout's git config. */
    @Test
    void shouldKeepPasswordOutOfGitConfig() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", PASSWORD)) {
            String url = server.url("repo.git").replace("http://", "http://ada:" + PASSWORD + "@");
            Path workspace = temp.resolve("ws");
            FetchRequest request = request(url, "main", GitCredentials.NONE, workspace);
            fetcher.fetch(request, log);
            String next = GitRepositories.commit(bare, "main", "next", Map.of("a.py", "2"));

            assertThat(fetcher.fetch(request, log).commit()).isEqualTo(next);
            assertThat(Files.readString(workspace.resolve(".git/config"))).doesNotContain(PASSWORD)
                    .contains("http://ada@127.0.0.1");
        }
    }

    /** A branch that does not exist is a bad-input error naming the branch. */
    @Test
    void shouldReportMissingBranch() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));

        assertThatThrownBy(() -> fetcher.fetch(
                request(GitRepositories.url(bare), "nope", GitCredentials.NONE, temp.resolve("ws")), log))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("branch 'nope' does not exist");
    }

    /** A URL with no repository behind it is bad input saying so, over file:// and over HTTP (404). */
    @Test
    void shouldReportMissingRepository() throws Exception {
        String local = GitRepositories.url(temp.resolve("nothing-here.git"));
        assertThatThrownBy(() -> fetcher.fetch(request(local, "main", GitCredentials.NONE, temp.resolve("a")), log))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("there is no git repository at this URL");
        try (HttpGitServer server = HttpGitServer.start(temp)) {
            assertThatThrownBy(() -> fetcher.fetch(request(server.url("missing.git"), "main", ADA,
                    temp.resolve("b")), log))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("there is no git repository at this URL")
                    .hasMessageNotContaining(PASSWORD);
        }
    }

    /** A malformed URL is rejected before any network access. */
    @Test
    void shouldRejectMalformedUrl() {
        assertThatThrownBy(() -> fetcher.fetch(
                request("https://exa mple.com:notaport/x.git", "main", GitCredentials.NONE, temp.resolve("ws")), log))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("malformed");
    }

    /** A host that refuses connections is an infrastructure error, with the password masked. */
    @Test
    void shouldReportUnreachableHost() throws Exception {
        String url = "http://ada:" + PASSWORD + "@127.0.0.1:" + closedPort() + "/git/repo.git";

        assertThatThrownBy(() -> fetcher.fetch(request(url, "main", ADA, temp.resolve("ws")), log))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INFRASTRUCTURE))
                .hasMessageContaining("unreachable")
                .hasMessageNotContaining(PASSWORD);
    }

    /** A checkout whose objects were deleted is cloned again with a warning, keeping untracked files. */
    @Test
    void shouldRecloneCorruptCheckout() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        Path workspace = temp.resolve("ws");
        FetchRequest request = request(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace);
        FetchResult first = fetcher.fetch(request, log);
        Files.writeString(workspace.resolve("notes.txt"), "mine");
        deleteObjects(workspace.resolve(".git/objects"));

        FetchResult result = fetcher.fetch(request, log);

        assertThat(result.commit()).isEqualTo(first.commit());
        assertThat(log.getErrorMessages()).anySatisfy(line -> assertThat(line).contains("corrupt"));
        assertThat(workspace.resolve("notes.txt")).hasContent("mine");
        assertThat(workspace.resolve("a.py")).hasContent("1");
    }

    /** A garbled HEAD is repaired by cloning again. */
    @Test
    void shouldRecloneWhenHeadIsGarbled() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        Path workspace = temp.resolve("ws");
        FetchRequest request = request(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace);
        fetcher.fetch(request, log);
        Files.writeString(workspace.resolve(".git/HEAD"), "garbage\u0000\n");

        FetchResult result = fetcher.fetch(request, log);

        assertThat(result.commit()).isEqualTo(GitRepositories.head(bare, "main"));
        assertThat(log.getErrorMessages()).anySatisfy(line -> assertThat(line).contains("corrupt"));
    }

    /** A directory with files but no .git is never cloned over, and nothing in it is deleted. */
    @Test
    void shouldRefuseDirectoryWithForeignFiles() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        Files.writeString(workspace.resolve("thesis.tex"), "precious");

        assertThatThrownBy(() -> fetcher.fetch(
                request(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace), log))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("not a git checkout");
        assertThat(workspace.resolve("thesis.tex")).hasContent("precious");
    }

    /** A checkout whose config is unreadable cannot be proven to be ours: refused, nothing deleted. */
    @Test
    void shouldRefuseCheckoutWithUnreadableConfig() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("a.py", "1"));
        Path workspace = temp.resolve("ws");
        FetchRequest request = request(GitRepositories.url(bare), "main", GitCredentials.NONE, workspace);
        fetcher.fetch(request, log);
        Files.writeString(workspace.resolve(".git/config"), "[remote \"origin\"\n\tgarbage");

        assertThatThrownBy(() -> fetcher.fetch(request, log))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("no readable origin")
                .hasMessageContaining("Nothing was deleted");
        assertThat(workspace.resolve("a.py")).hasContent("1");
        assertThat(workspace.resolve(".git/objects")).isDirectory();
    }

    /** A checkout of another repository is never reused or deleted. */
    @Test
    void shouldRefuseCheckoutOfAnotherUrl() throws Exception {
        Path first = GitRepositories.createWithFiles(temp, "one.git", Map.of("a.py", "1"));
        Path second = GitRepositories.createWithFiles(temp, "two.git", Map.of("b.py", "2"));
        Path workspace = temp.resolve("ws");
        fetcher.fetch(request(GitRepositories.url(first), "main", GitCredentials.NONE, workspace), log);

        assertThatThrownBy(() -> fetcher.fetch(
                request(GitRepositories.url(second), "main", GitCredentials.NONE, workspace), log))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("it is a checkout of");
        assertThat(workspace.resolve("a.py")).exists();
    }

    private static FetchRequest request(final String url, final String branch, final GitCredentials credentials,
            final Path workspace) {
        return new FetchRequest(url, branch, credentials, workspace, 0);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteObjects(final Path objects) throws IOException {
        try (Stream<Path> files = Files.walk(objects)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }
}
