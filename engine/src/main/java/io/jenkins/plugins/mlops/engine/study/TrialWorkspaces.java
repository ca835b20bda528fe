package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.WorkspaceTargets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each trial has its own work directory, {@code .mlops/trials/<n>/work}, with the trial's own files only: its entry
 * (a source-rewrite trial's starts from the best trial's), then the metric and model files that came back. The rest
 * of the workspace is not copied per trial (the trainer shares one copy among the study's trials), so a trial costs
 * the same for a large repository; trials never disturb each other (or the user's checkout), parallel trials are
 * possible, and the best trial's code and weights are still there when a later trial is worse.
 */
public final class TrialWorkspaces {
    private final Path workspace;
    private final Path trialsDir;

    /** The trials of {@code workspace}. */
    public TrialWorkspaces(final Path workspace) {
        this.workspace = workspace;
        this.trialsDir = workspace.resolve(ChainStateStore.STATE_DIR).resolve("trials");
    }

    /**
     * The work directory of trial {@code number}; the folders on its way that exist are real folders, never links
     * ({@link StateFolder}), so reading a trial's files never reads outside the workspace.
     */
    public Path workDir(final int number) {
        return StateFolder.check(trialsDir.resolve(Integer.toString(number)).resolve("work"));
    }

    /**
     * A fresh work directory for trial {@code number} holding its entry, taken from {@code entrySource} (another
     * trial's work directory) when given, else from the workspace. An entry that is no regular file inside the
     * workspace (a link of the repository) is not copied. Leftovers of an earlier, unrecorded training under the same
     * number are removed first.
     */
    Path prepare(final int number, final String entry, final Path entrySource) {
        Path target = workDir(number);
        try {
            // Checked before the delete: a planted link .mlops/trials -> elsewhere must not make it delete there.
            deleteRecursively(StateFolder.ensure(target.getParent()));
            StateFolder.ensure(target);
            Path from = entrySource != null ? entrySource : workspace;
            if (WorkspaceTargets.refusal(from.toRealPath(), entry) == null
                    && Files.isRegularFile(from.resolve(entry), LinkOption.NOFOLLOW_LINKS)) {
                Path to = target.resolve(entry);
                Files.createDirectories(to.getParent());
                Files.copy(from.resolve(entry), to, StandardCopyOption.COPY_ATTRIBUTES);
            }
            return target;
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot prepare the work directory " + target + " of trial " + number
                    + ": " + e.getMessage() + ". Check free disk space and permissions of the workspace.");
        }
    }

    /**
     * Copies {@code files} (relative paths) of a trial's work directory back into the workspace, where
     * {@link WorkspaceTargets} allows: the repository's own links never carry a trial's file out of the workspace or
     * into .git.
     *
     * @return the files not adopted, each with the reason in parentheses
     */
    List<String> adopt(final int number, final Iterable<String> files) {
        Path source = workDir(number);
        List<String> refused = new ArrayList<>();
        for (String file : files) {
            try {
                String refusal = WorkspaceTargets.refusal(workspace.toRealPath(), file);
                if (refusal != null) {
                    refused.add(file + " (" + refusal + ")");
                    continue;
                }
                Path to = workspace.resolve(file);
                Files.createDirectories(to.toAbsolutePath().getParent());
                Files.copy(source.resolve(file), to, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (IOException e) {
                throw MlopsException.infrastructure("Cannot copy " + file + " of trial " + number
                        + " into the workspace: " + e.getMessage());
            }
        }
        return refused;
    }

    /** The model files of trial {@code number}'s work directory, relative to it. */
    List<String> artifacts(final int number, final List<String> globs) {
        return ModelFiles.matching(workDir(number), globs);
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
