package io.jenkins.plugins.mlops.engine.model;

import java.nio.file.Path;
import java.util.Map;

/** Saves a growing run state until it is killed; started as a separate JVM by {@link RunStateCrashTest}. */
public final class RunStateWriterMain {
    private RunStateWriterMain() {
    }

    /** Writes forever into the workspace given as the only argument. */
    public static void main(final String... args) {
        RunStateStore store = new RunStateStore(Path.of(args[0]));
        RunState state = RunStateFixtures.fullState();
        state = RunState.start(state.runId()).withDetection(state.detection());
        for (int n = 1; ; n++) {
            state = state.withTrial(TrialRecord.running(n, Map.of("n", n, "padding", "x".repeat(20_000)), null,
                    "trial " + n, "abc", "t"));
            store.save(state);
            if (n == 1) {
                System.out.print('w');
                System.out.flush();
            }
        }
    }
}
