package io.jenkins.plugins.mlops.engine.gate;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The quality gate of a trial: reads the metric with {@link MetricReader} and judges it against the target of a
 * {@link GateSpec}. PASSED when the target is met (equal counts), BELOW_TARGET when a valid value misses it,
 * NO_METRIC when the script wrote none, INVALID when what it wrote cannot be understood. The reason is one line for
 * logs, mails and the report.
 */
public final class MetricGate {
    private final MetricReader reader = new MetricReader();

    /**
     * Checks the metric of the training that ran in {@code workspace}.
     *
     * @param workspace   the directory the training wrote its files to
     * @param stdoutLines the training's stdout lines (or only its {@code MLOPS_METRIC} lines); empty when unknown
     * @param spec        metric, target, direction and metric file
     * @param log         receives what was read and the verdict
     * @return the verdict with the value read and a one-line reason
     */
    public GateResult check(final Path workspace, final List<String> stdoutLines, final GateSpec spec,
            final RunLog log) {
        MetricReading reading = reader.read(workspace, stdoutLines, spec, log);
        GateResult result = judge(reading, spec);
        log.info("gate: %s, %s", result.verdict(), result.reason());
        return result;
    }

    /** The verdict for a reading; public so that front ends that read the metric elsewhere judge it the same way. */
    public static GateResult judge(final MetricReading reading, final GateSpec spec) {
        String target = MetricFormat.format(spec.target());
        return switch (reading.status()) {
            case MISSING -> result(Verdict.NO_METRIC, null, spec, reading.detail());
            case INVALID -> result(Verdict.INVALID, null, spec, reading.detail());
            case FOUND -> {
                double value = reading.value();
                boolean met = spec.direction().meets(value, spec.target());
                String comparison = met ? (spec.direction() == Direction.MAXIMIZE ? ">=" : "<=")
                        : (spec.direction() == Direction.MAXIMIZE ? "<" : ">");
                String reason = spec.metric() + " " + MetricFormat.format(value) + " " + comparison + " target "
                        + target + " (" + reading.source() + ")";
                yield result(met ? Verdict.PASSED : Verdict.BELOW_TARGET, value, spec, reason);
            }
        };
    }

    /**
     * The verdict for a trial whose training did not complete (failed, timed out, cancelled): FAILED, with the
     * trial's own message, since there is no metric to judge.
     */
    public static GateResult trainingFailed(final TrialRecord trial, final GateSpec spec) {
        String state = trial.state().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        String why = trial.message() == null || trial.message().isBlank() ? "" : ": " + firstLine(trial.message());
        return result(Verdict.FAILED, null, spec, "trial " + trial.number() + " " + state + why
                + "; there is no metric to check");
    }

    private static String firstLine(final String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 199) + "\u2026" : line;
    }

    private static GateResult result(final Verdict verdict, final Double value, final GateSpec spec,
            final String reason) {
        return new GateResult(verdict, spec.metric(), value, spec.target(), spec.direction(), reason);
    }
}
