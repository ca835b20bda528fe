package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The files of one model commit: the requested files (checked: inside their folder, regular, within the size
 * limit) and the model card, by repository path.
 */
final class StagedFiles {
    /** One file to commit: from disk or generated. */
    record Staged(String path, Path source, byte[] content, long size) {
        InputStream open() throws IOException {
            return source == null ? new java.io.ByteArrayInputStream(content) : Files.newInputStream(source);
        }
    }

    private StagedFiles() {
    }

    /** Every file of {@code request}'s commit, in order, the card last; fails clearly on a bad or too large file. */
    static List<Staged> of(final PublishRequest request) {
        Path root;
        try {
            root = request.filesDir().toRealPath();
        }
        catch (IOException e) {
            throw MlopsException.input("The folder " + request.filesDir() + " holding the model files does not "
                    + "exist. Train first, or point publish at the folder with the weights.");
        }
        Map<String, Staged> staged = new LinkedHashMap<>();
        for (String name : request.files()) {
            Staged file = fromDisk(root, name, request.sizeLimitBytes());
            staged.put(file.path(), file);
        }
        byte[] markdown = ModelCardFiles.markdown(request.card(), request.tag());
        byte[] json = ModelCardFiles.json(request.card());
        staged.put(ModelCardFiles.MARKDOWN, new Staged(ModelCardFiles.MARKDOWN, null, markdown, markdown.length));
        staged.put(ModelCardFiles.JSON, new Staged(ModelCardFiles.JSON, null, json, json.length));
        return new ArrayList<>(staged.values());
    }

    private static Staged fromDisk(final Path root, final String name, final long limit) {
        String path = name.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        Path file = root.resolve(path).normalize();
        if (path.isBlank() || Path.of(path).isAbsolute() || !file.startsWith(root) || path.equals(".git")
                || path.startsWith(".git/")) {
            throw MlopsException.input("The model file '" + name + "' is not a path inside " + root
                    + ". List weights and code relative to that folder.");
        }
        try {
            Path real = file.toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real)) {
                throw MlopsException.input("The model file '" + name + "' is not a regular file inside " + root
                        + ". List files, not folders or links leading outside it.");
            }
            long size = Files.size(real);
            if (size > limit) {
                throw MlopsException.input(String.format(Locale.ROOT, "The model file '%s' is %s, above the "
                        + "publish size limit of %s. Keep large weights in artifact storage (or Git LFS) and "
                        + "publish a pointer, or raise publish.size_limit if your git host accepts it.",
                        path, megabytes(size), megabytes(limit)));
            }
            return new Staged(root.relativize(real).toString().replace('\\', '/'), real, null, size);
        }
        catch (IOException e) {
            throw MlopsException.input("The model file '" + name + "' cannot be read in " + root + " ("
                    + e.getClass().getSimpleName() + "). Check that training wrote it.");
        }
    }

    static String megabytes(final long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
