package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.pipeline.Steps;
import io.jenkins.plugins.mlops.engine.publish.ModelCard;
import io.jenkins.plugins.mlops.engine.publish.ModelPublisher;
import io.jenkins.plugins.mlops.engine.publish.ModelTags;
import io.jenkins.plugins.mlops.engine.publish.PublishRequest;
import io.jenkins.plugins.mlops.engine.publish.PublishResult;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops publish}: commits the best trial's weights and code with a model card to the models branch of the
 * workspace's origin (or {@code --remote}), tags and pushes it, and records where it went in run.json.
 */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = {"Commit the best trial's weights, its code and a model card (MODEL_CARD.md, model-card.json) "
                + "to a branch (default mlops/models) of the workspace's origin, tag it and push.",
                "Credentials come from the environment only, as for 'mlops fetch'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:published (or the dry run listed the plan)",
                "2:nothing passing to publish, a file too large, refused credentials/branch/tag",
                "3:remote unreachable"})
final class PublishCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--branch", description = "The branch (default: publish.branch of mlops.yml, else mlops/models).")
    private String branch;

    @Option(names = "--remote", paramLabel = "URL", description = "The remote (default: the workspace's origin).")
    private String remote;

    @Option(names = "--tag", description = "The tag (default: model-<build or trial>-<metric>-<value>).")
    private String tag;

    @Option(names = "--dry-run", description = "Show what would be committed and pushed; change nothing.")
    private boolean dryRun;

    @Option(names = "--workspace", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace = Path.of(".");

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = workspace.toAbsolutePath().normalize();
        MlopsConfig settings = ConfigLoader.load(dir, config, Map.of());
        RunStateStore store = new RunStateStore(dir);
        RunState state = store.load().orElseThrow(() -> MlopsException.input("The workspace " + dir
                + " has no run state (" + RunStateStore.STATE_FILE + "): train and check a model before publishing."));
        TrialRecord best = state.best().orElseThrow(() -> MlopsException.input("No trial in " + store.file()
                + " finished with a metric, so there is no model to publish. Run 'mlops train' and 'mlops check'."));
        if (state.gate() == null || state.gate().verdict() != Verdict.PASSED) {
            throw MlopsException.input("The study has not passed its gate (verdict "
                    + (state.gate() == null ? "none yet" : state.gate().verdict()) + "); only a model that met the "
                    + "target is published. Run 'mlops check' after a better trial.");
        }

        PublishFileSelection selection = PublishFileSelection.of(dir, state, best, settings.train().artifacts());
        Instant started = Instant.now();
        ModelCard card = ModelCard.of(state, started);
        PublishRequest request = new PublishRequest(dir, remote != null ? remote : settings.publish().remote(),
                branch != null ? branch : settings.publish().branch(), GitEnvironment.credentials(System.getenv()),
                selection.folder(), selection.files(), card, tag != null ? tag : defaultTag(best, card),
                settings.publish().sizeLimitBytes(), dryRun);
        RunLog log = new RunLog((error, line) -> (error || json ? err : out).println(line));
        PublishResult result = new ModelPublisher().publish(request, log);

        if (!result.dryRun()) {
            RunState published = state.withPublished(result.published());
            store.save(Steps.record(published, Step.PUBLISH, StepState.SUCCESS, started,
                    Duration.between(started, Instant.now()).toMillis(),
                    result.published().tag() + " on " + result.published().branch()));
        }
        if (json) {
            out.println(JSON.writeValueAsString(result));
        }
        out.flush();
        return ExitCodes.TARGET_MET;
    }

    /** {@code model-<build>-...} on a CI server (BUILD_NUMBER), else {@code model-<trial>-...}. */
    private static String defaultTag(final TrialRecord best, final ModelCard card) {
        String build = System.getenv("BUILD_NUMBER");
        String id = build == null || build.isBlank() ? Integer.toString(best.number()) : "build" + build;
        return ModelTags.name(id, card.metric(), card.value());
    }
}
