package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds the training entry point of a workspace: the configured path (the caller's configuration, {@code entry:} of
 * mlops.yml included, read once with its limits by the config loader), else the one script or notebook that trains ({@code fit}, {@code compile}, a loop calling
 * {@code backward}/{@code step}, ...) and is not imported by another such file.
 */
final class EntryLocator {
    /** The repository's configuration file, of which only {@code entry:} is read here. */
    static final String CONFIG_FILE = "mlops.yml";
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("__pycache__", "node_modules", "venv", "env",
            "site-packages", "target");
    private static final int MAX_FILES = 5000;

    private final Path workspace;
    private final SourceReader reader;
    private final ModuleResolver resolver;

    EntryLocator(final Path workspace, final SourceReader reader, final ModuleResolver resolver) {
        this.workspace = workspace;
        this.reader = reader;
        this.resolver = resolver;
    }

    /** The entry file; {@code configured} (workspace-relative) wins when given. */
    Path locate(final String configured) {
        if (configured != null && !configured.isBlank()) {
            return existing(configured, "the configured entry");
        }
        return search();
    }

    private Path existing(final String relative, final String origin) {
        Path file = null;
        try {
            file = workspace.resolve(relative).normalize();
        }
        catch (InvalidPathException e) {
            // reported below like any other path that is not a file in the workspace
        }
        if (file == null || !file.startsWith(workspace) || !Files.isRegularFile(file)) {
            throw MlopsException.input("The training entry '" + relative + "' (" + origin + ") is not a file in "
                    + workspace + ". Give a path relative to the repository root.");
        }
        return file;
    }

    private Path search() {
        Map<Path, FileScan> training = new TreeMap<>();
        for (Path file : pythonFiles()) {
            FileScan scan = reader.scan(file);
            if (scan.trains()) {
                training.put(file, scan);
            }
        }
        Set<Path> imported = new HashSet<>();
        training.forEach((file, scan) -> scan.imports()
                .forEach(module -> imported.addAll(resolver.resolve(file, module))));
        List<Path> candidates = training.keySet().stream().filter(file -> !imported.contains(file)).toList();
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        if (candidates.isEmpty()) {
            throw MlopsException.input("No training script found in " + workspace + ": looked for .py and .ipynb "
                    + "files that call fit(), compile(), train(), backward()/step() or minimize(). Set 'entry:' in "
                    + CONFIG_FILE + " (or the entry option: --entry, the step's entry) to the script that trains "
                    + "the model.");
        }
        throw MlopsException.input("Found " + candidates.size() + " training scripts in " + workspace + ": "
                + String.join(", ", candidates.stream().map(reader::relative).toList()) + ". Set 'entry:' in "
                + CONFIG_FILE + " (or the entry option: --entry, the step's entry) to the one that trains the model.");
    }

    private List<Path> pythonFiles() {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(workspace, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(final Path dir, final BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(workspace) && (name.startsWith(".")
                            || SKIPPED_DIRECTORIES.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && SourceReader.isPython(file)) {
                        files.add(file);
                    }
                    return files.size() >= MAX_FILES ? FileVisitResult.TERMINATE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(final Path file, final IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot list the files of " + workspace + ": " + e.getMessage()
                    + ". Check the directory's permissions.");
        }
        return files;
    }
}
