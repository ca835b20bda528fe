package io.jenkins.plugins.mlops.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.transport.PushResult;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/**
 * Real bare git repositories for tests: created with JGit under a test's temp folder, filled through a temporary
 * clone, reachable as {@code file://} URLs (or through {@link HttpGitServer}).
 */
public final class GitRepositories {
    /** The branch every repository starts with. */
    public static final String MAIN = "main";

    private GitRepositories() {
    }

    /** Creates an empty bare repository {@code root/name} with initial branch {@code main}; push over HTTP allowed. */
    public static Path createBare(final Path root, final String name) throws IOException, GitAPIException {
        Path bare = root.resolve(name);
        try (Git git = Git.init().setBare(true).setInitialBranch(MAIN).setDirectory(bare.toFile()).call()) {
            StoredConfig config = git.getRepository().getConfig();
            config.setBoolean("http", null, "receivepack", true);
            config.save();
        }
        return bare;
    }

    /** Creates a bare repository with one commit on {@code main} holding {@code files} (path → content). */
    public static Path createWithFiles(final Path root, final String name, final Map<String, String> files)
            throws IOException, GitAPIException {
        Path bare = createBare(root, name);
        commit(bare, MAIN, "initial commit", files);
        return bare;
    }

    /** The {@code file://} URL of {@code bare}. */
    public static String url(final Path bare) {
        return bare.toUri().toString();
    }

    /**
     * Commits {@code files} (path → content; a {@code null} content deletes the file) on {@code branch} of
     * {@code bare} through a temporary clone and pushes it; a missing branch is created from the default branch. Returns the commit id.
     */
    public static String commit(final Path bare, final String branch, final String message,
            final Map<String, String> files) throws IOException, GitAPIException {
        Path clone = Files.createTempDirectory(bare.getParent(), "clone");
        try (Git git = Git.cloneRepository().setURI(url(bare)).setDirectory(clone.toFile()).call()) {
            boolean local = git.getRepository().exactRef("refs/heads/" + branch) != null;
            boolean remote = git.getRepository().exactRef("refs/remotes/origin/" + branch) != null;
            if (git.getRepository().resolve("HEAD") == null) {
                git.checkout().setOrphan(true).setName(branch).call();
            }
            else if (!local) {
                // A missing branch starts from the default branch, like `git checkout -b`.
                git.checkout().setName(branch).setCreateBranch(true)
                        .setStartPoint(remote ? "origin/" + branch : "HEAD").call();
            }
            else {
                git.checkout().setName(branch).call();
            }
            RevCommit commit = commitFiles(git, clone, message, files);
            push(git, branch, false);
            return commit.getName();
        }
        finally {
            deleteRecursively(clone);
        }
    }

    /**
     * Replaces the history of {@code branch} with one new commit holding {@code files} and force-pushes it, the way
     * someone rewriting a branch would. Returns the new commit id.
     */
    public static String forcePush(final Path bare, final String branch, final String message,
            final Map<String, String> files) throws IOException, GitAPIException {
        Path clone = Files.createTempDirectory(bare.getParent(), "clone");
        try (Git git = Git.cloneRepository().setURI(url(bare)).setDirectory(clone.toFile()).setNoCheckout(true)
                .call()) {
            git.checkout().setOrphan(true).setName("rewrite").call();
            RevCommit commit = commitFiles(git, clone, message, files);
            push(git, "rewrite:refs/heads/" + branch, true);
            return commit.getName();
        }
        finally {
            deleteRecursively(clone);
        }
    }

    private static RevCommit commitFiles(final Git git, final Path clone, final String message,
            final Map<String, String> files) throws IOException, GitAPIException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = clone.resolve(file.getKey());
            if (file.getValue() == null) {
                Files.deleteIfExists(target);
                git.rm().addFilepattern(file.getKey()).call();
            }
            else {
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
                git.add().addFilepattern(file.getKey()).call();
            }
        }
        return git.commit().setMessage(message).setAuthor("Ada Trainer", "ada@example.org")
                .setCommitter("Ada Trainer", "ada@example.org").setSign(false).setAllowEmpty(true).call();
    }

    private static void push(final Git git, final String refSpec, final boolean force) throws GitAPIException {
        for (PushResult result : git.push().setRemote("origin").add(refSpec).setForce(force).call()) {
            for (RemoteRefUpdate update : result.getRemoteUpdates()) {
                if (update.getStatus() != RemoteRefUpdate.Status.OK
                        && update.getStatus() != RemoteRefUpdate.Status.UP_TO_DATE) {
                    throw new IllegalStateException("push of " + refSpec + " failed: " + update.getStatus());
                }
            }
        }
    }

    /** The commit id {@code branch} of {@code bare} points at, or {@code null} when it does not exist. */
    public static String head(final Path bare, final String ref) throws IOException {
        try (Git git = Git.open(bare.toFile())) {
            var found = git.getRepository().exactRef(ref.startsWith("refs/") ? ref : "refs/heads/" + ref);
            return found == null ? null : found.getObjectId().getName();
        }
    }

    /**
     * Deletes {@code dir} and everything in it (a test's own clone; never anything else). JGit may still be running
     * an automatic gc in the background after a commit or fetch, creating and removing {@code gc.log.lock} while we
     * walk, so files that vanish are fine and a folder that gains a file is tried again.
     */
    public static void deleteRecursively(final Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                deleteOnce(dir);
                return;
            }
            catch (java.nio.file.DirectoryNotEmptyException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static void deleteOnce(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (java.io.UncheckedIOException e) {
            if (!(e.getCause() instanceof java.nio.file.NoSuchFileException)) {
                throw e;
            }
            deleteOnce(dir);
        }
    }
}
