package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.python.NotebookReader;
import io.jenkins.plugins.mlops.engine.python.PythonTokenizer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a {@code .py} file or the code cells of a {@code .ipynb} notebook and scans it; unreadable files are partial.
 * A repository may hold anything under a {@code .py} name, so the input is capped (per file and per detection) and a
 * file that shows a sign of being binary (a NUL byte, bytes that are not UTF-8, which Python 3 refuses as source
 * too) is not tokenized at all: one warning instead of one per garbage token.
 */
final class SourceReader {
    /** Larger sources are not read: training scripts are small, and this keeps a stray data file from stalling us. */
    static final long MAX_BYTES = 1L << 20;
    /** Notebooks carry their outputs (images, tables); only their code cells are scanned. */
    static final long MAX_NOTEBOOK_BYTES = 16L << 20;
    /** The most one detection reads in all. */
    static final long MAX_TOTAL_BYTES = 64L << 20;

    private long readBytes;

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
        long cap = isNotebook(file) ? MAX_NOTEBOOK_BYTES : MAX_BYTES;
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > cap) {
                return FileScan.unreadable(name, name + " is larger than " + (cap >> 20) + " MiB and was not read");
            }
            if (readBytes + size > MAX_TOTAL_BYTES) {
                return FileScan.unreadable(name, name + " was not read: this detection already read "
                        + (MAX_TOTAL_BYTES >> 20) + " MiB of code");
            }
            readBytes += size;
            bytes = Files.readAllBytes(file);
        }
        catch (IOException e) {
            return FileScan.unreadable(name, name + " could not be read: " + e.getMessage());
        }
        String text = text(bytes);
        if (text == null) {
            return FileScan.unreadable(name, name + " looks binary (a NUL byte, or bytes that are not UTF-8) and "
                    + "was not read");
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

    /** The UTF-8 text of {@code bytes}, or {@code null} at the first sign that it is binary. */
    private static String text(final byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        }
        catch (CharacterCodingException e) {
            return null;
        }
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
