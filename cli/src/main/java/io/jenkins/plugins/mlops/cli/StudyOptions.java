package io.jenkins.plugins.mlops.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The study options of {@code mlops run} and {@code mlops watch}; they override mlops.yml under the same keys. */
final class StudyOptions {
    @Option(names = "--target", description = "The value to reach (default 0.90).")
    String target;

    @Option(names = "--metric", description = "The metric name (default accuracy).")
    String metric;

    @Option(names = "--minimize", description = "Smaller is better (e.g. loss).")
    boolean minimize;

    @Option(names = "--max-trials", paramLabel = "N", description = "The most trials (default 10).")
    String maxTrials;

    @Option(names = "--mode", description = "in-build (default) or via-git.")
    String mode;

    @Option(names = "--strategy", description = "auto (default), search_space or source_rewrite.")
    String strategy;

    @Option(names = "--sampler", description = "tpe (default), random or grid.")
    String sampler;

    @Option(names = "--seed", description = "Seed of samplers (default 42).")
    String seed;

    @Option(names = "--parallel", paramLabel = "K", description = "Trials at once in search-space mode (default 1).")
    String parallel;

    @Option(names = "--to", split = ",", paramLabel = "ADDRESS", description = "Mail recipients (comma-separated).")
    List<String> to;

    /** The options given, by their mlops.yml keys. */
    Map<String, Object> toOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        TrainOptions.putIfSet(options, "target", target);
        TrainOptions.putIfSet(options, "metric", metric);
        TrainOptions.putIfSet(options, "direction", minimize ? "minimize" : null);
        TrainOptions.putIfSet(options, "max_trials", maxTrials);
        TrainOptions.putIfSet(options, "mode", mode);
        TrainOptions.putIfSet(options, "strategy", strategy);
        TrainOptions.putIfSet(options, "sampler", sampler);
        TrainOptions.putIfSet(options, "seed", seed);
        TrainOptions.putIfSet(options, "parallel", parallel);
        TrainOptions.putIfSet(options, "notify.to", to);
        return options;
    }
}
