package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Finds model files (weights) by the artifact globs of the configuration. */
public final class ModelFiles {
    private ModelFiles() {
    }

    /** The files below {@code folder} matching a glob by path or by name, outside .git and .mlops, sorted. */
    public static List<String> matching(final Path folder, final List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(folder::relativize)
                    .filter(path -> !path.startsWith(".git") && !path.startsWith(ChainStateStore.STATE_DIR))
                    .filter(path -> matchers.stream().anyMatch(m -> m.matches(path) || m.matches(path.getFileName())))
                    .map(path -> path.toString().replace('\\', '/')).sorted().toList();
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot list the model files in " + folder + ": " + e.getMessage());
        }
    }
}
