package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Keras 2 modules and names that Keras 3 removed, found in the code before anything trains, so the developer reads
 * "train.py line 3 uses keras.utils.np_utils, which Keras 3 removed: use keras.utils.to_categorical" rather than a
 * traceback. The table (keras3-removed.tsv, rows of kind {@code name}) is the one the mlops/keras image's own hook
 * reads when a training fails; methods and arguments are left to that hook, since only running code knows whose
 * method or which call it is.
 */
final class KerasRemovals {
    /** Where the engine's jar holds Dockerfiles/keras/keras3-removed.tsv. */
    private static final String TABLE = "/io/jenkins/plugins/mlops/engine/train/dockerfiles/keras/keras3-removed.tsv";
    private static final String TENSORFLOW = "tensorflow.";

    /** Removed qualified name (a prefix of what the code uses) to its replacement, in table order. */
    private final Map<String, String> replacements;

    private KerasRemovals(final Map<String, String> replacements) {
        this.replacements = replacements;
    }

    /** The table shipped with the engine. */
    static KerasRemovals load() {
        Map<String, String> rows = new LinkedHashMap<>();
        try (InputStream in = KerasRemovals.class.getResourceAsStream(TABLE)) {
            if (in == null) {
                throw new IllegalStateException(TABLE + " is missing from the engine's classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] columns = line.split("\t");
                if (!line.startsWith("#") && columns.length >= 3 && "name".equals(columns[0])) {
                    rows.put(columns[1], columns[2]);
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KerasRemovals(Collections.unmodifiableMap(rows));
    }

    /** One evidence entry per file, line and removed name that the scanned Keras code imports or uses. */
    List<Detection.Evidence> find(final List<FileScan> scans) {
        Set<Detection.Evidence> found = new LinkedHashSet<>();
        for (FileScan scan : scans) {
            for (ImportTable.ImportedModule imported : scan.imports()) {
                List<String> names = imported.names().isEmpty() ? List.of(imported.module())
                        : imported.names().stream().map(name -> imported.module() + "." + name).toList();
                for (String name : names) {
                    removed(name).ifPresent(note -> found.add(new Detection.Evidence(scan.file(), imported.line(),
                            note)));
                }
            }
            for (Signal signal : scan.signals()) {
                if (signal.framework() == Framework.KERAS || signal.framework() == Framework.TENSORFLOW) {
                    removed(signal.name()).ifPresent(note -> found.add(new Detection.Evidence(signal.file(),
                            signal.line(), note)));
                }
            }
        }
        return new ArrayList<>(found);
    }

    /** The note for a qualified name Keras 3 removed ({@code tensorflow.keras.x} counts as {@code keras.x}). */
    Optional<String> removed(final String qualifiedName) {
        String name = qualifiedName.startsWith(TENSORFLOW + "keras") ? qualifiedName.substring(TENSORFLOW.length())
                : qualifiedName;
        return replacements.entrySet().stream()
                .filter(row -> name.equals(row.getKey()) || name.startsWith(row.getKey() + "."))
                .map(row -> row.getKey() + " was removed in Keras 3: use " + row.getValue()).findFirst();
    }
}
