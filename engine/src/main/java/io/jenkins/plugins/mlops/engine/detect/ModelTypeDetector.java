package io.jenkins.plugins.mlops.engine.detect;

import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Detects what kind of model a repository trains, from its code: finds the training entry, reads it and the local
 * modules it imports with a real Python tokenizer, and classifies the framework and architecture (see {@link
 * Classifier}). Files that cannot be fully read are classified from what could be read and flagged partial. When
 * nothing is recognised the result is {@code unknown} with an error line in the log saying what was looked for.
 */
public final class ModelTypeDetector {
    /** Local modules followed from the entry, at most; real projects have a handful. */
    static final int MAX_MODULES = 50;
    private static final double PARTIAL_PENALTY = 0.8;
    private static final KerasRemovals REMOVALS = KerasRemovals.load();

    private final ModelTypeRegistry registry;

    /** A detector with the default trainer images. */
    public ModelTypeDetector() {
        this(new ModelTypeRegistry());
    }

    /** A detector picking images from {@code registry}. */
    public ModelTypeDetector(final ModelTypeRegistry registry) {
        this.registry = registry;
    }

    /**
     * Detects the model type.
     *
     * @param workspaceOrFile the repository directory, or one {@code .py}/{@code .ipynb} file (its directory is then
     *                        the workspace and the file the entry)
     * @param configuredEntry the entry relative to the workspace (from the configuration), or {@code null} to search
     * @param log             receives what was found, and an error line when nothing was recognised
     * @return the detection; {@code unknown} when no model code was found
     * @throws MlopsException (INPUT) when the path does not exist or the entry is missing or ambiguous
     */
    public Detection detect(final Path workspaceOrFile, final String configuredEntry, final RunLog log) {
        Path path = workspaceOrFile.toAbsolutePath().normalize();
        if (!Files.exists(path)) {
            throw MlopsException.input(workspaceOrFile + " does not exist. Give a repository directory or a .py or "
                    + ".ipynb file.");
        }
        Path workspace = Files.isDirectory(path) ? path : path.getParent();
        SourceReader reader = new SourceReader(workspace, registry);
        ModuleResolver resolver = new ModuleResolver(workspace);
        Path entry = Files.isDirectory(path) ? new EntryLocator(workspace, reader, resolver).locate(configuredEntry)
                : path;
        List<FileScan> scans = scanWithLocalModules(entry, reader, resolver);
        Classifier.Classification result = new Classifier(registry).classify(scans);
        List<String> problems = scans.stream().flatMap(scan -> scan.problems().stream()).toList();
        boolean partial = !problems.isEmpty();
        problems.forEach(problem -> log.info("Could not read all code: %s", problem));
        String entryName = reader.relative(entry);
        Framework framework = result.type().framework();
        if (framework == Framework.UNKNOWN) {
            log.error("%s", unknownMessage(entryName, scans.size()));
        }
        else {
            log.info("Detected %s in %s (confidence %.2f)%s", result.type(), entryName, result.confidence(),
                    scans.size() > 1 ? ", with " + (scans.size() - 1) + " local module(s)" : "");
        }
        double confidence = partial ? Math.round(result.confidence() * PARTIAL_PENALTY * 100) / 100.0
                : result.confidence();
        List<Detection.Evidence> evidence = new ArrayList<>(result.evidence());
        if (framework == Framework.KERAS || framework == Framework.TENSORFLOW) {
            // Keras 2 code that uses what Keras 3 removed would fail in training: say where and what instead now.
            for (Detection.Evidence removed : REMOVALS.find(scans)) {
                log.error("%s line %d: %s", removed.file(), removed.line(), removed.signal());
                evidence.add(removed);
            }
        }
        return new Detection(entryName, result.type(), registry.imageFor(framework).orElse(""), confidence, partial,
                evidence);
    }

    /** The entry and, breadth first, the workspace files it imports (and they import). */
    private static List<FileScan> scanWithLocalModules(final Path entry, final SourceReader reader,
            final ModuleResolver resolver) {
        List<FileScan> scans = new ArrayList<>();
        Set<Path> seen = new LinkedHashSet<>();
        Deque<Path> queue = new ArrayDeque<>();
        queue.add(entry);
        seen.add(entry);
        while (!queue.isEmpty() && scans.size() <= MAX_MODULES) {
            Path file = queue.poll();
            FileScan scan = reader.scan(file);
            scans.add(scan);
            for (ImportTable.ImportedModule module : scan.imports()) {
                for (Path local : resolver.resolve(file, module)) {
                    if (seen.add(local)) {
                        queue.add(local);
                    }
                }
            }
        }
        return scans;
    }

    private String unknownMessage(final String entry, final int files) {
        String modules = registry.modules().stream().collect(Collectors.joining(", "));
        return "No model code recognised in " + entry + (files > 1 ? " and its " + (files - 1) + " local module(s)"
                : "") + ": looked for layers, estimators and training calls of " + modules + " (imported and used "
                + "in code; comments and strings do not count). Check that " + entry + " is the training script, "
                + "or set 'entry:' in mlops.yml.";
    }
}
