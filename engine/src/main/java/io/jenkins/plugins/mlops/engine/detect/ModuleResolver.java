package io.jenkins.plugins.mlops.engine.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the workspace files behind a file's imports ({@code import utils}, {@code from models.cnn import Net},
 * {@code from . import layers}), looking next to the importing file and at the workspace root, as Python does when
 * the script is run from there. Never resolves outside the workspace.
 */
final class ModuleResolver {
    private final Path workspace;

    ModuleResolver(final Path workspace) {
        this.workspace = workspace.toAbsolutePath().normalize();
    }

    /** The local files {@code imported} refers to, if any. */
    List<Path> resolve(final Path importingFile, final ImportTable.ImportedModule imported) {
        String module = imported.module();
        int dots = 0;
        while (dots < module.length() && module.charAt(dots) == '.') {
            dots++;
        }
        String rest = module.substring(dots).replace('.', '/');
        List<Path> bases = new ArrayList<>();
        Path directory = importingFile.toAbsolutePath().normalize().getParent();
        if (dots > 0) {
            for (int up = 1; up < dots && directory != null; up++) {
                directory = directory.getParent();
            }
            bases.add(directory);
        }
        else {
            bases.add(directory);
            bases.add(workspace);
        }
        Set<Path> found = new LinkedHashSet<>();
        for (Path base : bases) {
            if (base == null) {
                continue;
            }
            Path path = rest.isEmpty() ? base : base.resolve(rest);
            if (!rest.isEmpty()) {
                addIfLocal(found, base.resolve(rest + ".py"));
                addIfLocal(found, path.resolve("__init__.py"));
            }
            for (String name : imported.names()) {
                addIfLocal(found, path.resolve(name + ".py"));
            }
        }
        return List.copyOf(found);
    }

    private void addIfLocal(final Set<Path> found, final Path candidate) {
        Path normalized = candidate.normalize();
        if (normalized.startsWith(workspace) && Files.isRegularFile(normalized)) {
            found.add(normalized);
        }
    }
}
