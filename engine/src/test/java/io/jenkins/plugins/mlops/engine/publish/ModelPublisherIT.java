package io.jenkins.plugins.mlops.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.HttpGitServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PublishModel against real repositories: the HTTP git server with basic auth and file:// bare repositories. */
class ModelPublisherIT {
    private static final String PASSWORD = "pa55-w0rd";
    private static final GitCredentials ADA = GitCredentials.userPassword("ada", PASSWORD);
    private static final String MODELS = "refs/heads/mlops/models";

    @TempDir
    private Path temp;

    private final RunLog log = new RunLog();

    /** Commit, weights, code, card and tag arrive over HTTP with basic auth; the workspace stays as it was. */
    @Test
    void shouldPublishOverHttpWithBasicAuth() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        String source = GitRepositories.head(bare, "main");
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", PASSWORD)) {
            Path workspace = cloneWorkspace(server.url("repo.git"), ADA);
            Files.write(workspace.resolve("model.h5"), new byte[] {1, 2, 3});

            PublishResult result = new ModelPublisher().publish(request(workspace, ADA, "model-1-accuracy-0.93"), log);

            String commit = GitRepositories.head(bare, MODELS);
            assertThat(result.published().commit()).isEqualTo(commit);
            assertThat(result.published().branch()).isEqualTo("mlops/models");
            assertThat(result.published().remote()).isEqualTo(server.url("repo.git"));
            assertThat(result.parent()).isEqualTo(source);
            assertThat(result.attempts()).isEqualTo(1);
            assertThat(files(bare, commit)).containsOnlyKeys("train.py", "model.h5", "MODEL_CARD.md",
                    "model-card.json");
            assertThat(files(bare, commit).get("model-card.json")).contains("\"metric\" : \"accuracy\"",
                    "\"verdict\" : \"PASSED\"", "\"sourceCommit\" : \"" + source + "\"");
            assertThat(files(bare, commit).get("MODEL_CARD.md")).contains("# Model card: model-1-accuracy-0.93");
            assertThat(peeledTag(bare, "model-1-accuracy-0.93")).isEqualTo(commit);
            assertThat(parentOf(bare, commit)).isEqualTo(source);
            assertThat(workspace.resolve("MODEL_CARD.md")).doesNotExist();
            try (Git git = Git.open(workspace.toFile())) {
                assertThat(git.getRepository().getBranch()).isEqualTo("main");
                assertThat(git.status().call().getUntracked()).containsExactly("model.h5");
            }
        }
    }

    /** A second model over file:// goes on top of the first, with its own tag. */
    @Test
    void shouldStackSecondModelOnBranchHead() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        Path workspace = cloneWorkspace(GitRepositories.url(bare), GitCredentials.NONE);
        Files.write(workspace.resolve("model.h5"), new byte[] {1});
        PublishResult first = new ModelPublisher().publish(request(workspace, GitCredentials.NONE, "model-1-a"), log);
        Files.write(workspace.resolve("model.h5"), new byte[] {2});

        PublishResult second = new ModelPublisher().publish(request(workspace, GitCredentials.NONE, "model-2-a"),
                log);

        assertThat(second.parent()).isEqualTo(first.published().commit());
        assertThat(GitRepositories.head(bare, MODELS)).isEqualTo(second.published().commit());
        assertThat(peeledTag(bare, "model-1-a")).isEqualTo(first.published().commit());
        assertThat(peeledTag(bare, "model-2-a")).isEqualTo(second.published().commit());
    }

    /** A wrong password is one clear bad-input line without the password; nothing arrives. */
    @Test
    void shouldRefuseWrongPassword() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(temp, "ada", "another")) {
            Path workspace = cloneWorkspace(GitRepositories.url(bare), GitCredentials.NONE);
            PublishRequest request = new PublishRequest(workspace, server.url("repo.git"), null, ADA, null,
                    List.of("train.py"), card(), "model-1-x", 0, false, null);

            assertThatThrownBy(() -> new ModelPublisher().publish(request, log))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("authentication was refused")
                    .hasMessageNotContaining(PASSWORD);
            assertThat(GitRepositories.head(bare, MODELS)).isNull();
        }
    }

    /** Someone pushes to the branch between read and push: the commit is rebuilt on top and both survive. */
    @Test
    void shouldRetryAfterConcurrentPush() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        GitRepositories.commit(bare, "mlops/models", "older model", Map.of("old-model.h5", "old"));
        Path workspace = cloneWorkspace(GitRepositories.url(bare), GitCredentials.NONE);
        Files.write(workspace.resolve("model.h5"), new byte[] {7});
        List<String> concurrent = new ArrayList<>();
        ModelPublisher publisher = new ModelPublisher(attempt -> {
            if (attempt == 1) {
                concurrent.add(commitQuietly(bare, "mlops/models", "someone else's model", "other.h5"));
            }
        });

        PublishResult result = publisher.publish(request(workspace, GitCredentials.NONE, "model-3-accuracy-0.9"),
                log);

        assertThat(result.attempts()).isEqualTo(2);
        String head = GitRepositories.head(bare, MODELS);
        assertThat(head).isEqualTo(result.published().commit());
        assertThat(parentOf(bare, head)).isEqualTo(concurrent.get(0));
        assertThat(files(bare, head)).containsKeys("other.h5", "old-model.h5", "model.h5", "MODEL_CARD.md");
        assertThat(peeledTag(bare, "model-3-accuracy-0.9")).isEqualTo(head);
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("moved on"));
    }

    /** A file above the size limit is refused with advice, before anything is pushed. */
    @Test
    void shouldRefuseFileAboveSizeLimit() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        Path workspace = cloneWorkspace(GitRepositories.url(bare), GitCredentials.NONE);
        Files.write(workspace.resolve("model.h5"), new byte[2048]);
        PublishRequest request = new PublishRequest(workspace, null, null, GitCredentials.NONE, null,
                List.of("model.h5"), card(), "model-1-x", 1024, false, null);

        assertThatThrownBy(() -> new ModelPublisher().publish(request, log))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("model.h5").hasMessageContaining("size limit")
                .hasMessageContaining("Git LFS");
        assertThat(GitRepositories.head(bare, MODELS)).isNull();
    }

    /** A dry run lists the files and changes nothing, neither on the remote nor in the workspace. */
    @Test
    void shouldChangeNothingInDryRun() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        Path workspace = cloneWorkspace(GitRepositories.url(bare), GitCredentials.NONE);
        Files.write(workspace.resolve("model.h5"), new byte[] {1});
        List<String> remoteBefore = refs(bare.resolve("."));
        List<String> localBefore = refs(workspace.resolve(".git"));
        List<String> objectsBefore = listFiles(workspace.resolve(".git/objects"));
        PublishRequest request = new PublishRequest(workspace, null, null, GitCredentials.NONE, null,
                List.of("model.h5", "train.py"), card(), "model-1-x", 0, true, null);

        PublishResult result = new ModelPublisher().publish(request, log);

        assertThat(result.dryRun()).isTrue();
        assertThat(result.published().commit()).isNull();
        assertThat(result.files()).containsExactly("model.h5", "train.py", "MODEL_CARD.md", "model-card.json");
        assertThat(String.join("\n", log.getInfoMessages())).contains("would commit 4 file(s)", "model-1-x");
        assertThat(refs(bare.resolve("."))).isEqualTo(remoteBefore);
        assertThat(refs(workspace.resolve(".git"))).isEqualTo(localBefore);
        assertThat(listFiles(workspace.resolve(".git/objects"))).isEqualTo(objectsBefore);
    }

    /** A tag that already exists is never moved: clear message, nothing pushed. */
    @Test
    void shouldRefuseExistingTag() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        Path workspace = cloneWorkspace(GitRepositories.url(bare), GitCredentials.NONE);
        Files.write(workspace.resolve("model.h5"), new byte[] {1});
        new ModelPublisher().publish(request(workspace, GitCredentials.NONE, "model-1-a"), log);
        String head = GitRepositories.head(bare, MODELS);

        assertThatThrownBy(() -> new ModelPublisher().publish(request(workspace, GitCredentials.NONE, "model-1-a"),
                log))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("tag model-1-a already exists");
        assertThat(GitRepositories.head(bare, MODELS)).isEqualTo(head);
    }

    /** A branch protected by a pre-receive hook gives a clear message naming the branch. */
    @Test
    void shouldExplainProtectedBranch() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git", Map.of("train.py", "fit()"));
        try (HttpGitServer server = HttpGitServer.start(temp)) {
            server.protectBranch(MODELS);
            Path workspace = cloneWorkspace(server.url("repo.git"), GitCredentials.NONE);
            Files.write(workspace.resolve("model.h5"), new byte[] {1});

            assertThatThrownBy(() -> new ModelPublisher().publish(
                    request(workspace, GitCredentials.NONE, "model-1-a"), log))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageContaining("refused the push to mlops/models")
                    .hasMessageContaining("protected");
            assertThat(GitRepositories.head(bare, MODELS)).isNull();
            assertThat(GitRepositories.head(bare, "refs/tags/model-1-a")).isNull();
        }
    }

    /** A workspace that is not a checkout publishes to an explicit remote as a first, parentless commit. */
    @Test
    void shouldPublishFromPlainFolderToExplicitRemote() throws Exception {
        Path bare = GitRepositories.createBare(temp, "models.git");
        Path workspace = Files.createDirectories(temp.resolve("plain"));
        Files.writeString(workspace.resolve("train.py"), "fit()");
        PublishRequest request = new PublishRequest(workspace, GitRepositories.url(bare), "models",
                GitCredentials.NONE, null, List.of("train.py"), card(), "model-build7-accuracy-0.91", 0, false, null);

        PublishResult result = new ModelPublisher().publish(request, log);

        assertThat(result.parent()).isNull();
        assertThat(GitRepositories.head(bare, "models")).isEqualTo(result.published().commit());
        assertThat(files(bare, result.published().commit())).containsOnlyKeys("train.py", "MODEL_CARD.md",
                "model-card.json");
    }

    private Path cloneWorkspace(final String url, final GitCredentials credentials) throws Exception {
        Path workspace = temp.resolve("ws");
        try (Git git = Git.cloneRepository().setURI(url).setDirectory(workspace.toFile())
                .setCredentialsProvider(credentials.hasPassword()
                        ? new UsernamePasswordCredentialsProvider(credentials.username(), credentials.password())
                        : null)
                .call()) {
            return workspace;
        }
    }

    private static PublishRequest request(final Path workspace, final GitCredentials credentials, final String tag) {
        return new PublishRequest(workspace, null, null, credentials, null, List.of("model.h5", "train.py"),
                card(workspace), tag, 0, false, null);
    }

    private static ModelCard card(final Path workspace) {
        try (Git git = Git.open(workspace.toFile())) {
            return cardWithSource(git.getRepository().resolve(Constants.HEAD).getName());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ModelCard card() {
        return cardWithSource(null);
    }

    private static ModelCard cardWithSource(final String sourceCommit) {
        return new ModelCard("accuracy", 0.93, 0.9, "maximize", Verdict.PASSED, "keras", "cnn", 1,
                Map.of("epochs", 20), null, 1, "sha256:abc", sourceCommit, "2026-11-26T20:00:00Z");
    }

    private static String commitQuietly(final Path bare, final String branch, final String message,
            final String file) {
        try {
            return GitRepositories.commit(bare, branch, message, Map.of(file, "x"));
        }
        catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> files(final Path bare, final String commit) throws IOException {
        Map<String, String> files = new java.util.TreeMap<>();
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(ObjectId.fromString(commit)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                files.put(tree.getPathString(),
                        new String(repository.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static String parentOf(final Path bare, final String commit) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository(); RevWalk walk = new RevWalk(repository)) {
            RevCommit parsed = walk.parseCommit(ObjectId.fromString(commit));
            return parsed.getParentCount() == 0 ? null : parsed.getParent(0).getName();
        }
    }

    private static String peeledTag(final Path bare, final String tag) throws IOException {
        try (Repository repository = Git.open(bare.toFile()).getRepository()) {
            Ref ref = repository.exactRef(Constants.R_TAGS + tag);
            if (ref == null) {
                return null;
            }
            Ref peeled = repository.getRefDatabase().peel(ref);
            return (peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId()).getName();
        }
    }

    private static List<String> refs(final Path gitDir) throws IOException {
        try (Repository repository = new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
                .setGitDir(gitDir.toFile()).build()) {
            return repository.getRefDatabase().getRefs().stream()
                    .map(ref -> ref.getName() + "=" + (ref.getObjectId() == null ? "" : ref.getObjectId().getName()))
                    .sorted().toList();
        }
    }

    private static List<String> listFiles(final Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            return paths.map(Path::toString).sorted().toList();
        }
    }
}
