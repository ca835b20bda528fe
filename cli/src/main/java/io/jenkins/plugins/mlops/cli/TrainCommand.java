package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.pipeline.Steps;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingRequest;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops train}: one training attempt in a container, its output streamed, recorded as a trial in run.json
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

    @Option(names = "--workspace", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace = Path.of(".");

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--image", description = "The trainer image (default: mlops.yml, else the detected framework's).")
    private String image;

    @Option(names = "--entry", paramLabel = "FILE", description = "The training script (default: mlops.yml, else detected).")
    private String entry;

    @Option(names = "--timeout", description = "Kill the training after this long, e.g. 90m, 2h (default 2h).")
    private String timeout;

    @Option(names = "--memory", description = "Memory limit, swap off, e.g. 512m, 4g (default 4g).")
    private String memory;

    @Option(names = "--cpus", description = "CPU limit in cores (default: all).")
    private Double cpus;

    @Option(names = "--network", description = "none (default) or bridge.")
    private String network;

    @Option(names = "--gpus", description = "Request all GPUs.")
    private Boolean gpus;

    @Option(names = "--dataset", paramLabel = "DIR|VOLUME", description = "Mounted read-only at /data.")
    private String dataset;

    @Option(names = "--params", paramLabel = "JSON", description = "Parameters: env MLOPS_PARAMS and .mlops/params.json.")
    private String params;

    @Option(names = "--trial", paramLabel = "N", description = "The trial number (default: the next one).")
    private Integer trial;

    @Option(names = "--dockerfile-dir", paramLabel = "DIR", description = "Build the image from here when it is missing.")
    private Path dockerfileDir;

    @Option(names = "--bind-mount", description = "Bind-mount the workspace instead of copying it (local daemon only).")
    private boolean bindMount;

    @Option(names = "--sweep", description = "Only remove leftover containers of this run (after a crash), then exit.")
    private boolean sweep;

    @Option(names = "--quiet", description = "Do not print the training's output, only the outcome.")
    private boolean quiet;

    @Option(names = "--json", description = "Print the outcome as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunLog log = new RunLog((error, line) -> {
            (error || json ? err : out).println(line);
            (error || json ? err : out).flush();
        });
        RunStateStore store = new RunStateStore(workspace);
        RunState state = store.loadOrStart();
        if (sweep) {
            try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
                out.println("Removed " + trainer.sweepOrphans(state.runId()) + " leftover container(s) of run "
                        + state.runId());
            }
            return ExitCodes.TARGET_MET;
        }
        MlopsConfig settings = ConfigLoader.load(workspace, config, options());
        TrainingRequest request = request(settings, state);

        Instant started = Instant.now();
        TrialRecord running = TrialRecord.running(request.trialNumber(), request.params(), null, null,
                state.sourceCommit(), started.toString());
        store.save(state.withTrial(running));
        TrainingResult result;
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            result = trainer.train(request, quiet ? TrainingOutput.discard() : printing(out, err), log);
        }
        catch (MlopsException e) {
            RunState failed = store.loadOrStart().withTrial(running.finish(TrialState.FAILED, null,
                    elapsed(started), null, e.getMessage()));
            store.save(Steps.record(failed, Step.TRAIN, StepState.FAILED, started, elapsed(started), e.getMessage()));
            throw e;
        }
        TrialRecord finished = running.finish(result.state(), null, result.duration().toMillis(),
                result.imageDigest(), result.message());
        RunState next = store.loadOrStart().withTrial(finished);
        store.save(Steps.record(next, Step.TRAIN, result.isComplete() ? StepState.SUCCESS : StepState.FAILED,
                started, elapsed(started), "trial " + finished.number() + " " + result.state()));
        report(result, out);
        return result.isComplete() ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }

    private TrainingRequest request(final MlopsConfig settings, final RunState state) {
        Detection detection = state.detection();
        String chosenEntry = firstOf(entry, settings.entry(), detection == null ? null : detection.entry());
        String chosenImage = firstOf(image, settings.image(), detection == null ? null : detection.image());
        if (chosenEntry == null) {
            throw MlopsException.input("No training script named. Pass --entry FILE, set `entry:` in mlops.yml, "
                    + "or run `mlops detect` first.");
        }
        MlopsConfig.TrainSettings train = settings.train();
        return TrainingRequest.builder(workspace.toAbsolutePath().normalize(), chosenImage, chosenEntry)
                .params(parsedParams())
                .run(state.runId(), trial == null ? state.nextTrialNumber() : trial)
                .timeout(train.timeout())
                .limits(TrainingRequest.Limits.DEFAULT.withMemoryBytes(train.memoryBytes()).withCpus(train.cpus()))
                .network(train.network())
                .gpus(train.gpus())
                .dataset(datasetSource(train.dataset()), train.datasetMount())
                .bindMount(bindMount)
                .artifacts(train.artifacts())
                .metricFiles(List.of("metrics.json", settings.metricFile()))
                .dockerfileDir(dockerfileDir == null ? null : dockerfileDir.toAbsolutePath())
                .build();
    }

    /** A dataset typed on the command line is relative to the current folder; one in mlops.yml to the workspace. */
    private String datasetSource(final String configured) {
        if (dataset != null) {
            return looksLikePath(dataset) ? Path.of(dataset).toAbsolutePath().normalize().toString() : dataset;
        }
        if (configured != null && looksLikePath(configured)) {
            return workspace.toAbsolutePath().resolve(configured).normalize().toString();
        }
        return configured;
    }

    private static boolean looksLikePath(final String source) {
        return source.contains("/") || source.startsWith(".");
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

    private Map<String, Object> options() {
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

    private static void putIfSet(final Map<String, Object> options, final String key, final Object value) {
        if (value != null) {
            options.put(key, value);
        }
    }

    private static String firstOf(final String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                return candidate;
            }
        }
        return null;
    }

    private static long elapsed(final Instant started) {
        return java.time.Duration.between(started, Instant.now()).toMillis();
    }

    private static TrainingOutput printing(final PrintWriter out, final PrintWriter err) {
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
