package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.pipeline.Training;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
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
 * {@code mlops train}: one training (one trial) in a container, its output streamed, recorded as a trial in run.json
 * (the metric is added by {@code mlops check}). Image and entry come from the options, else mlops.yml, else the
 * detection in run.json.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train once in a container (no network, non-root, limits) and record the trial in run.json.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the training exited 0", "1:the training failed, timed out or was cancelled",
                "2:bad input or configuration", "3:infrastructure problem (docker)"})
final class TrainCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @CommandLine.Mixin
    private TrainOptions train = new TrainOptions();

    @Option(names = "--params", paramLabel = "JSON", description = "Parameters: env MLOPS_PARAMS and .mlops/params.json.")
    private String params;

    @Option(names = "--trial", paramLabel = "N", description = "The trial number (default: the next one).")
    private Integer trial;

    @Option(names = "--spec", paramLabel = "FILE", description = "Train the asked trial --trial N from this file (what mlops ask --json printed) in a copy of the workspace, and print its result for mlops tell.")
    private Path trialSpec;

    @Option(names = "--worker", paramLabel = "NAME", description = "With --spec: this machine's name in the result's model location (default: the host name).")
    private String worker;

    @Option(names = "--dockerfile-dir", paramLabel = "DIR", description = "Build the image from here when it is missing.")
    private Path dockerfileDir;

    @Option(names = "--bind-mount", description = "Bind-mount the workspace instead of copying it (local daemon only).")
    private boolean bindMount;

    @Option(names = "--sweep", description = "Only remove leftover containers and shared volumes of this run (after a crash), then exit.")
    private boolean sweep;

    @Option(names = "--quiet", description = "Do not print the training's output, only the outcome.")
    private boolean quiet;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunLog log = MlopsCommand.log(out, err, json);
        if (sweep) {
            try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
                out.println("Removed " + new Training(trainer).sweep(workspace)
                        + " leftover container(s) and volume(s) of the chain in " + workspace);
            }
            return ExitCodes.TARGET_MET;
        }
        Overrides options = train.addTo(Overrides.builder(), MlopsCommand.workingDirectory()).build();
        MlopsConfig settings = ConfigLoader.load(workspace, config, options,
                MlopsCommand.operator());
        if (trialSpec != null) {
            return new AskedTrial(trialSpec, trial, worker).train(workspace, settings, quiet, json, log, out, err);
        }
        Training.Order order = Training.Order.of(workspace, settings).withParams(parsedParams()).withTrial(trial)
                .withBindMount(bindMount).withDockerfileDir(dockerfileDir);
        TrainingResult result;
        CancelOnExit cancelOnExit = new CancelOnExit(Thread.currentThread());
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment(); cancelOnExit) {
            result = new Training(trainer).train(order, quiet ? TrainingOutput.discard() : printing(out, err), log);
        }
        finally {
            cancelOnExit.finished();
        }
        report(result, out);
        return result.isComplete() ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }

    private Map<String, Object> parsedParams() {
        if (params == null || params.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(params, new TypeReference<Map<String, Object>>() { });
        }
        catch (JsonProcessingException e) {
            throw MlopsException.input("--params must be a JSON object like '{\"lr\": 0.01}': "
                    + e.getOriginalMessage());
        }
    }

    static TrainingOutput printing(final PrintWriter out, final PrintWriter err) {
        return new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                out.println(line);
                out.flush();
            }

            @Override
            public void stderr(final String line) {
                err.println(line);
                err.flush();
            }
        };
    }

    private void report(final TrainingResult result, final PrintWriter out) throws JsonProcessingException {
        if (json) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("state", result.state());
            answer.put("exitCode", result.exitCode());
            answer.put("durationMillis", result.duration().toMillis());
            answer.put("imageDigest", result.imageDigest());
            answer.put("metricLines", result.metricLines());
            answer.put("artifacts", result.artifacts());
            answer.put("message", result.message());
            out.println(JSON.writeValueAsString(answer));
        }
        else {
            out.println(result.state() + " in " + result.duration().toSeconds() + " s (image "
                    + result.imageDigest() + ")" + (result.message() == null ? "" : ": " + result.message()));
        }
        out.flush();
    }
}
