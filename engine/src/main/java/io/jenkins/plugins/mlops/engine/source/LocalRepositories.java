package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.RefSpec;

/** Creates bare repositories on the local disk, for the demo: a "remote" holding a model, reachable over file://. */
public final class LocalRepositories {
    private LocalRepositories() {
    }

    /**
     * Creates the bare repository {@code bare} with one commit on {@code branch} holding {@code files} (relative path
     * to content), authored by {@code authorName} and {@code authorEmail}; returns its file:// URL.
     */
    public static String createBare(final Path bare, final String branch, final Map<String, byte[]> files,
            final String message, final String authorName, final String authorEmail) {
        PersonIdent author = new PersonIdent(authorName, authorEmail);
        Path scratch = null;
        try {
            WorkspaceGit.initBare(bare, branch).close();
            scratch = Files.createTempDirectory("mlops-seed");
            try (Git git = WorkspaceGit.init(scratch, branch)) {
                for (Map.Entry<String, byte[]> file : files.entrySet()) {
                    Path target = scratch.resolve(file.getKey());
                    Files.createDirectories(target.getParent());
                    Files.write(target, file.getValue());
                    git.add().addFilepattern(file.getKey()).call();
                }
                git.commit().setMessage(message).setAuthor(author).setCommitter(author).setSign(false).call();
                git.push().setRemote(bare.toUri().toString())
                        .setRefSpecs(new RefSpec("refs/heads/" + branch + ":refs/heads/" + branch)).call();
            }
            return bare.toUri().toString();
        }
        catch (GitAPIException | IOException e) {
            throw MlopsException.infrastructure("Cannot create the repository " + bare + ": " + e.getMessage()
                    + ". Check that the directory is writable and empty.");
        }
        finally {
            deleteQuietly(scratch);
        }
    }

    private static void deleteQuietly(final Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
