package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files {@code mlops publish} commits: the winning entry and the weights matched by the artifact globs, read
 * from the best trial's work directory when it has one (trials train in copies), else from the workspace.
 *
 * @param folder where the files are read from
 * @param files  paths relative to it
 */
record PublishFileSelection(Path folder, List<String> files) {
    static PublishFileSelection of(final Path workspace, final RunState state, final TrialRecord best,
            final List<String> artifactGlobs) {
        Path trialWork = workspace.resolve(RunStateStore.STATE_DIR).resolve("trials")
                .resolve(Integer.toString(best.number())).resolve("work");
        Path folder = Files.isDirectory(trialWork) ? trialWork : workspace;
        Set<String> files = new LinkedHashSet<>();
        if (state.detection() != null && Files.isRegularFile(folder.resolve(state.detection().entry()))) {
            files.add(state.detection().entry());
        }
        files.addAll(matching(folder, artifactGlobs));
        if (files.isEmpty()) {
            throw MlopsException.input("Nothing to publish in " + folder + ": no entry script and no file matching "
                    + "the artifact globs " + artifactGlobs + ". Set train.artifacts in mlops.yml to the weights' "
                    + "file names (e.g. '*.h5').");
        }
        return new PublishFileSelection(folder, new ArrayList<>(files));
    }

    private static List<String> matching(final Path folder, final List<String> globs) {
        List<PathMatcher> matchers = globs.stream()
                .map(glob -> FileSystems.getDefault().getPathMatcher("glob:" + glob)).toList();
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile).map(folder::relativize)
                    .filter(path -> !path.startsWith(".git") && !path.startsWith(RunStateStore.STATE_DIR))
                    .filter(path -> matchers.stream().anyMatch(m -> m.matches(path) || m.matches(path.getFileName())))
                    .map(path -> path.toString().replace('\\', '/')).sorted().toList();
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot list the model files in " + folder + ": " + e.getMessage());
        }
    }
}
