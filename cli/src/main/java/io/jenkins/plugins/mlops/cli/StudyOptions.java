package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.Overrides;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of {@code mlops run} and {@code mlops watch} over mlops.yml under the same keys: the objective, the
 * study (how many trials, how they differ, how many at once) and whom the chain mails.
 */
final class StudyOptions {
    @Mixin
    ObjectiveOptions objective = new ObjectiveOptions();

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
        return objective.addTo(Overrides.builder()).maxTrials(maxTrials).mode(mode).strategy(strategy)
                .sampler(sampler).seed(seed).parallel(parallel).recipients(to);
    }
}
