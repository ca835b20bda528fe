package io.jenkins.plugins.mlops.cli;

import java.util.LinkedHashMap;
import java.util.Map;
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

    /** The options given, by their mlops.yml keys. */
    Map<String, Object> toOptions() {
        Map<String, Object> options = new LinkedHashMap<>();
        putIfSet(options, "image", image);
        putIfSet(options, "entry", entry);
        putIfSet(options, "train.timeout", timeout);
        putIfSet(options, "train.memory", memory);
        putIfSet(options, "train.cpus", cpus);
        putIfSet(options, "train.network", network);
        putIfSet(options, "train.gpus", gpus);
        return options;
    }

    static void putIfSet(final Map<String, Object> options, final String key, final Object value) {
        if (value != null) {
            options.put(key, value);
        }
    }
}
