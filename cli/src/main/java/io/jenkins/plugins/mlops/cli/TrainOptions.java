package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.DatasetSource;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The training options shared by {@code mlops train}, {@code mlops run} and {@code mlops watch}. They override
 * mlops.yml under the same keys (see the mlops.yml reference).
 */
final class TrainOptions {
    @Option(names = "--image", description = "The trainer image (default: mlops.yml, else the detected framework's).")
    String image;

    @Option(names = "--entry", paramLabel = "FILE", description = "The training script (default: mlops.yml, else detected).")
    String entry;

    @Option(names = "--timeout", description = "Kill a training after this long, e.g. 90m, 2h (default 2h).")
    String timeout;

    @Option(names = "--memory", description = "Memory limit, swap off, e.g. 512m, 4g (default 4g).")
    String memory;

    @Option(names = "--cpus", description = "CPU limit in cores (default: all).")
    Double cpus;

    @Option(names = "--network", description = "none (default) or bridge.")
    String network;

    @Option(names = "--gpus", description = "Request all GPUs.")
    Boolean gpus;

    @Option(names = "--dataset", paramLabel = "DIR|VOLUME", description = "Mounted read-only at /data.")
    String dataset;

    /**
     * Adds the options given to {@code overrides}; a dataset folder typed on the command line is relative to
     * {@code workingDirectory} (one in mlops.yml to the workspace).
     */
    Overrides.Builder addTo(final Overrides.Builder overrides, final Path workingDirectory) {
        return overrides.image(image).entry(entry).timeout(timeout).memory(memory).cpus(cpus).network(network)
                .gpus(gpus).dataset(DatasetSource.of(workingDirectory, dataset));
    }
}
