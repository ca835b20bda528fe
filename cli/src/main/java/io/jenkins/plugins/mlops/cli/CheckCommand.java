package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.pipeline.Checking;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code mlops check}: reads the latest trial's metric (metrics.json, the metric file; see doc/metrics.md), judges
 * it against the target and records the verdict and the metric in run.json. Exit 0 passed, 1 below target,
 * 2 no metric or an invalid one.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Read the latest trial's metric (metrics.json, the metric file) and judge it against the target.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:PASSED, the target is met", "1:BELOW_TARGET, or the trial's training FAILED",
                "2:NO_METRIC or INVALID, or bad options",
                "3:infrastructure problem"})
final class CheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR",
            description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @CommandLine.Mixin
    private ObjectiveOptions objective = new ObjectiveOptions();

    @Option(names = "--metric-file", paramLabel = "FILE", description = "The metric text file (default accuracy.txt).")
    private String metricFile;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MlopsConfig settings = ConfigLoader.load(workspace, config, objective.addTo(Overrides.builder())
                .metricFile(metricFile).build(),
                MlopsCommand.operator());
        RunLog log = MlopsCommand.log(out, err, json);
        GateResult result = new Checking().check(workspace, settings, log);
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        TrialRecord latest = state.trials().isEmpty() ? null : state.trials().get(state.trials().size() - 1);

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


    static int exitCode(final Verdict verdict) {
        return switch (verdict) {
            case PASSED -> ExitCodes.TARGET_MET;
            case BELOW_TARGET, FAILED -> ExitCodes.TARGET_NOT_MET;
            case NO_METRIC, INVALID -> ExitCodes.BAD_INPUT;
        };
    }
}
