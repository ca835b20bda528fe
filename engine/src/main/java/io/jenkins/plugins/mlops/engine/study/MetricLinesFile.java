package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.gate.MetricReader;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code MLOPS_METRIC} lines the last {@code mlops train} saw on stdout, kept for {@code mlops check}: run one by
 * one, the steps must judge a script that only prints its metric the same way {@code mlops run} does.
 */
public final class MetricLinesFile {
    public static final String FILE = ChainStateStore.STATE_DIR + "/metric-lines.txt";

    private MetricLinesFile() {
    }

    /**
     * The lines the gate reads for {@code result}: its metric lines, and the marker that makes the verdict INVALID
     * when its output was not read to the end (a later metric line may be missing).
     */
    public static List<String> of(final TrainingResult result) {
        if (result.outputComplete()) {
            return result.metricLines();
        }
        List<String> lines = new ArrayList<>(result.metricLines());
        lines.add(MetricReader.INCOMPLETE_OUTPUT);
        return lines;
    }

    public static void save(final Path workspace, final List<String> lines) {
        try {
            AtomicFiles.writeString(StateFolder.check(workspace.resolve(FILE)), lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot write " + workspace.resolve(FILE) + ": " + e.getMessage());
        }
    }

    public static List<String> load(final Path workspace) {
        Path file = StateFolder.check(workspace.resolve(FILE));
        try {
            return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read " + file + ": " + e.getMessage() + ". Run mlops train again.");
        }
    }
}
