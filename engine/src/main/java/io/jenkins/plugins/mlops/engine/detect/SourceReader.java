package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.python.NotebookReader;
import io.jenkins.plugins.mlops.engine.python.PythonTokenizer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Reads a {@code .py} file or the code cells of a {@code .ipynb} notebook and scans it; unreadable files are partial. */
final class SourceReader {
    /** Larger files are not read: training scripts are small, and this keeps a stray data file from stalling us. */
    static final long MAX_BYTES = 8L * 1024 * 1024;

    private final Path workspace;
    private final ModelTypeRegistry registry;

    SourceReader(final Path workspace, final ModelTypeRegistry registry) {
        this.workspace = workspace;
        this.registry = registry;
    }

    /** The workspace-relative name of {@code file}, with forward slashes. */
    String relative(final Path file) {
        return workspace.relativize(file).toString().replace('\\', '/');
    }

    /** Scans {@code file}; never throws for bad content. */
    FileScan scan(final Path file) {
        String name = relative(file);
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return FileScan.unreadable(name, name + " is larger than " + MAX_BYTES / 1024 / 1024
                        + " MB and was not read");
            }
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return FileScan.unreadable(name, name + " could not be read: " + e.getMessage());
        }
        if (isNotebook(file)) {
            try {
                text = NotebookReader.code(text);
            }
            catch (MlopsException e) {
                return FileScan.unreadable(name, name + ": " + e.getMessage());
            }
        }
        return FileScan.of(name, PythonTokenizer.tokenize(text), registry);
    }

    /** Whether {@code file} is a Jupyter notebook. */
    static boolean isNotebook(final Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    /** Whether {@code file} is Python source or a notebook. */
    static boolean isPython(final Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".py") || name.endsWith(".ipynb");
    }
}
