package io.jenkins.plugins.mlops.engine.model;

import java.nio.file.Path;
import java.util.Map;

/** Saves a growing chain state until it is killed; started as a separate JVM by {@link ChainStateCrashTest}. */
public final class ChainStateWriterMain {
    private ChainStateWriterMain() {
    }

    /** Writes forever into the workspace given as the only argument. */
    public static void main(final String... args) {
        ChainStateStore store = new ChainStateStore(Path.of(args[0]));
        ChainState state = ChainStateFixtures.fullState();
        state = ChainState.start(state.chainId()).withDetection(state.detection());
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
