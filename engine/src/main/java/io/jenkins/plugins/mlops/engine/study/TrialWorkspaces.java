package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.WorkspaceTargets;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Each trial trains in its own copy of the workspace, {@code .mlops/trials/<n>/work}, so that trials never disturb
 * each other (or the user's checkout), parallel trials are possible, and the best trial's code and weights are still
 * there when a later trial is worse. The entry of a source-rewrite trial starts from the best trial's entry.
 */
public final class TrialWorkspaces {
    private final Path workspace;
    private final Path trialsDir;

    /** The trials of {@code workspace}. */
    public TrialWorkspaces(final Path workspace) {
        this.workspace = workspace;
        this.trialsDir = workspace.resolve(RunStateStore.STATE_DIR).resolve("trials");
    }

    /** The work directory of trial {@code number}. */
    public Path workDir(final int number) {
        return trialsDir.resolve(Integer.toString(number)).resolve("work");
    }

    /**
     * A fresh work directory for trial {@code number}: the workspace as checked out, with the entry taken from
     * {@code entrySource} (another trial's work directory) when given. Leftovers of an earlier, unrecorded attempt at
     * the same number are removed first.
     */
    Path prepare(final int number, final String entry, final Path entrySource) {
        Path target = workDir(number);
        try {
            deleteRecursively(target.getParent());
            copyTree(workspace, target);
            if (entrySource != null) {
                Files.copy(entrySource.resolve(entry), target.resolve(entry), StandardCopyOption.REPLACE_EXISTING);
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

    private static void copyTree(final Path from, final Path to) throws IOException {
        Path skipState = from.resolve(RunStateStore.STATE_DIR);
        Path skipGit = from.resolve(".git");
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs)
                    throws IOException {
                if (dir.equals(skipState) || dir.equals(skipGit)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
                }
                return FileVisitResult.CONTINUE;
            }
        });
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
