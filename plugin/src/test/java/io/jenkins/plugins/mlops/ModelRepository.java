package io.jenkins.plugins.mlops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevWalk;

/** A tiny scikit-learn model repository in a local git repository, for runs that fetch over {@code file://}. */
final class ModelRepository {
    static final String TRAIN_PY = """
            from sklearn.datasets import load_iris
            from sklearn.linear_model import LogisticRegression
            from sklearn.model_selection import train_test_split

            X, y = load_iris(return_X_y=True)
            X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
            model = LogisticRegression(max_iter=200).fit(X_train, y_train)
            print(f"MLOPS_METRIC accuracy={model.score(X_test, y_test)}")
            """;

    private ModelRepository() {
    }

    /** Creates the repository in {@code folder} on branch {@code main} and returns its {@code file://} URL. */
    static String create(final Path folder) throws IOException, GitAPIException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("train.py"), TRAIN_PY, StandardCharsets.UTF_8);
        try (Git git = Git.init().setDirectory(folder.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("A logistic regression on iris").setAuthor("dev", "dev@example.com")
                    .setCommitter("dev", "dev@example.com").call();
        }
        return folder.toUri().toString();
    }

    /**
     * Creates the repository in {@code folder} as a bare repository that takes pushes (a via-git tweak) and returns
     * its {@code file://} URL; the work tree it was made from stays beside it as {@code folder-source}.
     */
    static String createBare(final Path folder) throws IOException, GitAPIException {
        Path source = folder.resolveSibling(folder.getFileName() + "-source");
        String url = create(source);
        Git.cloneRepository().setURI(url).setBare(true).setDirectory(folder.toFile()).call().close();
        return folder.toUri().toString();
    }

    /** The full message of the commit {@code branch} of {@code repository} points at. */
    static String headMessage(final Path repository, final String branch) throws IOException {
        try (Git git = Git.open(repository.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            return walk.parseCommit(git.getRepository().resolve("refs/heads/" + branch)).getFullMessage();
        }
    }

    /** Whether a Docker daemon answers, for the tests that train. */
    static boolean dockerAvailable() {
        try {
            Process process = new ProcessBuilder("docker", "info").redirectErrorStream(true).start();
            process.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return process.waitFor() == 0;
        }
        catch (IOException e) {
            return false;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
