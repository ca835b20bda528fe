package io.jenkins.plugins.mlops.engine.pipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A tweak made by the tweak step and not trained yet. Run one by one, the steps hand it over through the workspace:
 * the next train step trains with its parameters and records its diff and change, as {@code mlops run} does.
 *
 * @param params the sampled parameters (empty for a source edit)
 * @param diff   the unified diff of a source edit, or {@code null}
 * @param change one line saying what changed
 * @param edit   what a source edit changed, as data, or {@code null}
 */
record PendingTweak(Map<String, Object> params, String diff, String change, EditRecord edit) {
    /** Where it waits, relative to the workspace. */
    public static final String FILE = ChainStateStore.STATE_DIR + "/pending-tweak.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    public PendingTweak {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    /** Leaves this tweak for the next train step in {@code workspace}. */
    public void save(final Path workspace) {
        try {
            AtomicFiles.write(StateFolder.check(workspace.resolve(FILE)), JSON.writeValueAsBytes(this));
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot write " + workspace.resolve(FILE) + ": " + e.getMessage());
        }
    }

    /** The tweak waiting in {@code workspace}, removed from it. */
    public static Optional<PendingTweak> take(final Path workspace) {
        Path file = StateFolder.check(workspace.resolve(FILE));
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            PendingTweak tweak = JSON.readValue(file.toFile(), PendingTweak.class);
            Files.delete(file);
            return Optional.of(tweak);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the pending tweak " + file + " (" + e.getMessage()
                    + "); delete it and run the tweak step again.");
        }
    }
}
