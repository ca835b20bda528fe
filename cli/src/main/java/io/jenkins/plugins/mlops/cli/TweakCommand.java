package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.pipeline.PendingTweak;
import io.jenkins.plugins.mlops.engine.pipeline.Steps;
import io.jenkins.plugins.mlops.engine.tune.Sampler;
import io.jenkins.plugins.mlops.engine.tune.SearchSpace;
import io.jenkins.plugins.mlops.engine.tune.SourceEdit;
import io.jenkins.plugins.mlops.engine.tune.SourceRewriter;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops tweak}: makes the next trial's tweak from run.json (the detection and the trials so far). With a
 * {@code search_space} in mlops.yml (and strategy not {@code source_rewrite}) it samples the parameters and writes
 * them to {@code .mlops/params.json}; otherwise it edits the entry's model code in place and prints the diff. The
 * tweak is recorded as the TWEAK step of run.json; the trial itself is recorded by the next {@code mlops train}.
 */
@Command(name = "tweak", mixinStandardHelpOptions = true,
        description = "Make the next trial's tweak: sample parameters from the search space into .mlops/params.json, "
                + "or edit the model code (printing the diff).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a tweak was made", "1:no safe tweak applies (the log says why)",
                "2:bad input (no detection in run.json, bad search space)", "3:infrastructure problem"})
final class TweakCommand implements Callable<Integer> {
    /** The parameters of the next trial, relative to the workspace. */
    static final String PARAMS_FILE = RunStateStore.STATE_DIR + "/params.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--seed", description = "Seed of the sampler (default: seed in mlops.yml, else 42).")
    private Long seed;

    @Option(names = "--json", description = "Print the tweak as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Standard output carries only the diff, the parameters or the JSON, so that it can be piped.
        RunLog log = new RunLog((error, line) -> err.println(line));
        MlopsConfig config = ConfigLoader.load(workspace);
        RunStateStore store = new RunStateStore(workspace);
        RunState state = store.load().orElse(null);
        Instant started = Instant.now();
        Map<String, Object> answer = new LinkedHashMap<>();
        boolean searchSpace = config.hasSearchSpace() && !"source_rewrite".equals(config.strategy());
        if (searchSpace) {
            sample(config, state, answer, log);
        }
        else {
            rewrite(config, state, log).ifPresent(edit -> {
                new PendingTweak(Map.of(), edit.diff(), edit.change()).save(workspace);
                answer.put("file", edit.file());
                answer.put("kind", edit.kind());
                answer.put("change", edit.change());
                answer.put("diff", edit.diff());
            });
        }
        boolean made = !answer.isEmpty();
        if (state != null) {
            store.save(Steps.record(state, Step.TWEAK, made ? StepState.SUCCESS : StepState.UNSTABLE, started,
                    Duration.between(started, Instant.now()).toMillis(),
                    made ? String.valueOf(answer.getOrDefault("change", answer.get("params"))) : "no safe tweak"));
        }
        if (json) {
            answer.put("tweaked", made);
            answer.put("mode", searchSpace ? "search_space" : "source_rewrite");
            out.println(JSON.writeValueAsString(answer));
        }
        else if (made) {
            out.print(searchSpace ? JSON.writeValueAsString(answer.get("params")) + System.lineSeparator()
                    : answer.get("diff"));
        }
        out.flush();
        return made ? 0 : ExitCodes.TARGET_NOT_MET;
    }

    private void sample(final MlopsConfig config, final RunState state, final Map<String, Object> answer,
            final RunLog log) {
        SearchSpace space = SearchSpace.fromYaml(config.searchSpace());
        Sampler sampler = Sampler.named(config.sampler(), seed == null ? config.seed() : seed);
        List<TrialRecord> trials = state == null ? List.of() : state.trials();
        if (sampler.isExhausted(space, trials)) {
            log.info("The %s sampler has tried every point of the search space", sampler);
            return;
        }
        Map<String, Object> params = sampler.sample(space, trials, config.direction());
        try {
            AtomicFiles.write(workspace.resolve(PARAMS_FILE), JSON.writeValueAsBytes(params));
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot write " + workspace.resolve(PARAMS_FILE) + ": " + e.getMessage()
                    + ". Check the workspace's permissions.");
        }
        PendingTweak.ofParams(params).save(workspace);
        log.info("Sampled with %s: %s (written to %s)", sampler, params, PARAMS_FILE);
        answer.put("params", params);
        answer.put("params_file", PARAMS_FILE);
    }

    private Optional<SourceEdit> rewrite(final MlopsConfig config, final RunState state, final RunLog log) {
        Detection detection = state == null ? null : state.detection();
        if (detection == null) {
            throw MlopsException.input("No detection in " + new RunStateStore(workspace).file()
                    + ": run 'mlops detect' first, so that tweak knows the entry and the model type.");
        }
        return new SourceRewriter(config.direction()).tweak(workspace, detection.entry(), detection.type(),
                state.trials(), log);
    }
}
