package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Direction;
import picocli.CommandLine.Option;

/**
 * The objective options of {@code mlops check}, {@code mlops run} and {@code mlops watch}: the metric, its target and
 * its direction; they override mlops.yml under the same keys.
 */
final class ObjectiveOptions {
    @Option(names = "--target", description = "The value to reach (default 0.90).")
    Double target;

    @Option(names = "--metric", description = "The metric name (default accuracy).")
    String metric;

    @Option(names = "--minimize", description = "Smaller is better (e.g. loss).")
    boolean minimize;

    /** {@code options} with the objective given here. */
    Overrides.Builder addTo(final Overrides.Builder options) {
        return options.target(target).metric(metric).direction(minimize ? Direction.MINIMIZE : null);
    }
}
