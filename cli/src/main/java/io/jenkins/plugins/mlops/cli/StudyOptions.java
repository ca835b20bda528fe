package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Direction;
import java.util.List;
import picocli.CommandLine.Option;

/** The study options of {@code mlops run} and {@code mlops watch}; they override mlops.yml under the same keys. */
final class StudyOptions {
    @Option(names = "--target", description = "The value to reach (default 0.90).")
    Double target;

    @Option(names = "--metric", description = "The metric name (default accuracy).")
    String metric;

    @Option(names = "--minimize", description = "Smaller is better (e.g. loss).")
    boolean minimize;

    @Option(names = "--max-trials", paramLabel = "N", description = "The most trials (default 10).")
    Integer maxTrials;

    @Option(names = "--mode", completionCandidates = Choices.Modes.class,
            description = "${COMPLETION-CANDIDATES} (default in-build).")
    String mode;

    @Option(names = "--strategy", completionCandidates = Choices.Strategies.class,
            description = "${COMPLETION-CANDIDATES} (default auto).")
    String strategy;

    @Option(names = "--sampler", completionCandidates = Choices.Samplers.class,
            description = "${COMPLETION-CANDIDATES} (default tpe).")
    String sampler;

    @Option(names = "--seed", description = "Seed of samplers (default 42).")
    Long seed;

    @Option(names = "--parallel", paramLabel = "K", description = "Trials at once in search-space mode (default 1).")
    Integer parallel;

    @Option(names = "--to", split = ",", paramLabel = "ADDRESS", description = "Mail recipients (comma-separated).")
    List<String> to;

    /** The options given, over nothing else. */
    Overrides.Builder toOverrides() {
        return Overrides.builder().target(target).metric(metric).direction(minimize ? Direction.MINIMIZE : null)
                .maxTrials(maxTrials).mode(mode).strategy(strategy).sampler(sampler).seed(seed).parallel(parallel)
                .recipients(to);
    }
}
