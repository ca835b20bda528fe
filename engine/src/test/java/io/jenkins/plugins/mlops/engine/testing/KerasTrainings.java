package io.jenkins.plugins.mlops.engine.testing;

import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingRequest;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Trains a script in the mlops/keras image the way a trial does (no network, read-only root, uid 1000, the Keras
 * dataset cache of this machine), keeping every output line for the assertions.
 */
public final class KerasTrainings {
    /** The trainer image of Keras code. */
    public static final String IMAGE = "mlops/keras:0.1";

    private KerasTrainings() {
    }

    /**
     * One training's outcome.
     *
     * @param result the trainer's result
     * @param lines  stdout and stderr, in order
     */
    public record Outcome(TrainingResult result, List<String> lines) {
        /** The output, for assertion messages. */
        public String output() {
            return String.join("\n", lines);
        }
    }

    /** Trains {@code entry} of {@code workspace} in {@link #IMAGE} as run {@code chainId}, trial 1. */
    public static Outcome train(final Path workspace, final String entry, final String chainId) {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            TrainingResult result = trainer.train(TrainingRequest.builder(workspace, IMAGE, entry).trial(chainId, 1)
                    .build(), new TrainingOutput() {
                        @Override
                        public void stdout(final String line) {
                            lines.add(line);
                        }

                        @Override
                        public void stderr(final String line) {
                            lines.add(line);
                        }
                    }, new RunLog());
            return new Outcome(result, List.copyOf(lines));
        }
    }
}
