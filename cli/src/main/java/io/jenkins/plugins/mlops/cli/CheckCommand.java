package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.gate.AccuracyGate;
import io.jenkins.plugins.mlops.engine.gate.GateSpec;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.pipeline.Steps;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops check}: reads the latest trial's metric (metrics.json, the metric file; see doc/metrics.md), judges
 * it against the target and records the verdict and the metric in run.json. Exit 0 passed, 1 below target,
 * 2 no metric or an invalid one.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read the latest trial's metric (metrics.json, the metric file) and judge it against the target.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASSED, the target is met", "1:BELOW_TARGET", "2:NO_METRIC or INVALID, or bad options",
                "3:infrastructure problem"})
final class CheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace = Path.of(".");

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--target", description = "The value to reach (default 0.90).")
    private Double target;

    @Option(names = "--metric", description = "The metric name (default accuracy).")
    private String metric;

    @Option(names = "--minimize", description = "Smaller is better (a loss).")
    private boolean minimize;

    @Option(names = "--metric-file", paramLabel = "FILE", description = "The metric text file (default accuracy.txt).")
    private String metricFile;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MlopsConfig settings = ConfigLoader.load(workspace, config, options());
        GateSpec gateSpec = GateSpec.of(settings.study(), settings.metricFile());

        RunStateStore store = new RunStateStore(workspace);
        RunState state = store.loadOrStart();
        TrialRecord latest = state.trials().isEmpty() ? null : state.trials().get(state.trials().size() - 1);
        Path metricDir = metricDirectory(latest);

        RunLog log = new RunLog((error, line) -> (error || json ? err : out).println(line));
        Instant started = Instant.now();
        GateResult result = new AccuracyGate().check(metricDir, List.of(), gateSpec, log);
        long millis = Duration.between(started, Instant.now()).toMillis();

        RunState checked = state.withStudy(settings.study()).withGate(result);
        if (latest != null) {
            checked = checked.withTrial(withMetric(latest, result.value()));
        }
        checked = Steps.record(checked, Step.CHECK, stepState(result.verdict()), started, millis, summary(result));
        store.save(checked);

        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("trial", latest == null ? null : latest.number());
            answer.put("gate", result);
            out.println(JSON.writeValueAsString(answer));
        }
        else {
            out.println(result.verdict() + ": " + result.reason());
        }
        out.flush();
        return exitCode(result.verdict());
    }

    private Map<String, Object> options() {
        Map<String, Object> options = new LinkedHashMap<>();
        if (target != null) {
            options.put("target", target);
        }
        if (metric != null) {
            options.put("metric", metric);
        }
        if (minimize) {
            options.put("direction", "minimize");
        }
        if (metricFile != null) {
            options.put("metric_file", metricFile);
        }
        return options;
    }

    /** Trials train in their own copy, .mlops/trials/N/work; a workspace trained by hand has its files at the top. */
    private Path metricDirectory(final TrialRecord latest) {
        if (latest != null) {
            Path workDir = workspace.resolve(RunStateStore.STATE_DIR).resolve("trials")
                    .resolve(Integer.toString(latest.number())).resolve("work");
            if (Files.isDirectory(workDir)) {
                return workDir;
            }
        }
        return workspace;
    }

    private static TrialRecord withMetric(final TrialRecord trial, final Double metric) {
        return new TrialRecord(trial.number(), trial.state(), trial.params(), trial.diff(), trial.change(), metric,
                trial.durationMillis(), trial.imageDigest(), trial.sourceCommit(), trial.startedAt(), trial.message());
    }

    private static StepState stepState(final Verdict verdict) {
        return switch (verdict) {
            case PASSED -> StepState.SUCCESS;
            case BELOW_TARGET -> StepState.UNSTABLE;
            default -> StepState.FAILED;
        };
    }

    private static String summary(final GateResult result) {
        return result.value() == null ? result.verdict().name()
                : MetricFormat.format(result.value())
                        + (result.verdict() == Verdict.PASSED ? " meets " : " misses ")
                        + MetricFormat.format(result.target());
    }

    static int exitCode(final Verdict verdict) {
        return switch (verdict) {
            case PASSED -> ExitCodes.TARGET_MET;
            case BELOW_TARGET -> ExitCodes.TARGET_NOT_MET;
            default -> ExitCodes.BAD_INPUT;
        };
    }
}
