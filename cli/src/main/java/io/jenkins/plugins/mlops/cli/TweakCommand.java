package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Strategy;
import io.jenkins.plugins.mlops.engine.pipeline.Tweaking;

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
 * {@code mlops tweak}: makes the next trial's tweak from run.json (the detection, the trials so far and the gate), by
 * the engine's tweak step. In-build mode (the default) samples the search space into {@code .mlops/params.json} or
 * edits the entry in place and prints the diff; via-git mode also commits the edit with trailers and pushes it to the
 * checked-out branch of origin. Nothing is tweaked when the gate passed.
 */
@Command(name = "tweak", mixinStandardHelpOptions = true,
        description = {"Make the next trial's tweak: sample parameters from the search space into .mlops/params.json, "
                + "or edit the model code (printing the diff). With --mode via-git the edit is committed with "
                + "MLOps-Trial trailers and pushed, at most --max-trials trials counted from the git history.",
                "Nothing is tweaked when the latest gate passed. Push credentials come from the environment only, as "
                        + "for 'mlops fetch'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a tweak was made (and pushed in via-git mode)",
                "1:no tweak: the gate passed, max trials reached, or no safe tweak applies (the log says why)",
                "2:bad input (no check in run.json for via-git, bad search space, refused credentials, "
                        + "no framework detected)",
                "3:infrastructure problem (remote unreachable, push refused)"})
final class TweakCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--seed", description = "Seed of the sampler (default: seed in mlops.yml, else 42).")
    private Long seed;

    @Option(names = "--mode", completionCandidates = Choices.Modes.class,
            description = "${COMPLETION-CANDIDATES} (default: mode in mlops.yml, else in-build).")
    private String mode;

    @Option(names = "--max-trials", paramLabel = "N", description = "The most trials (default: max_trials in mlops.yml, "
            + "else 10).")
    private Integer maxTrials;

    @Option(names = "--branch", description = "The branch a via-git tweak is pushed to (default: the checked-out one).")
    private String branch;

    @Option(names = "--json", description = "Print the tweak as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Standard output carries only the diff, the parameters or the JSON, so that it can be piped.
        RunLog log = MlopsCommand.log(out, err, true);
        Overrides options = Overrides.builder().seed(seed).mode(mode).maxTrials(maxTrials).build();
        Tweaking.Result result = new Tweaking().tweak(new Tweaking.Order(workspace,
                ConfigLoader.load(workspace, null, options, MlopsCommand.operator()), branch,
                GitEnvironment.credentials(System.getenv())), log);
        boolean searchSpace = result.strategy() == Strategy.SEARCH_SPACE;
        if (json) {
            out.println(JSON.writeValueAsString(answer(result, searchSpace)));
        }
        else if (result.made()) {
            out.print(searchSpace ? JSON.writeValueAsString(result.params()) + System.lineSeparator()
                    : result.diff());
        }
        out.flush();
        return result.made() ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }

    private static Map<String, Object> answer(final Tweaking.Result result, final boolean searchSpace) {
        Map<String, Object> answer = new LinkedHashMap<>();
        if (result.made() && searchSpace) {
            answer.put("params", result.params());
            answer.put("params_file", result.file());
        }
        else if (result.made()) {
            answer.put("file", result.file());
            answer.put("kind", result.edit() == null ? null : result.edit().kind().name());
            answer.put("change", result.change());
            answer.put("diff", result.diff());
        }
        if (result.commit() != null) {
            answer.put("commit", result.commit());
        }
        answer.put("tweaked", result.made());
        answer.put("mode", result.strategy().id());
        answer.put("reason", result.reason());
        return answer;
    }
}
