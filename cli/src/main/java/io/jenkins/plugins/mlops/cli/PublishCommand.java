package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.pipeline.Publishing;
import io.jenkins.plugins.mlops.engine.publish.PublishResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

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

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = workspace.toAbsolutePath().normalize();
        MlopsConfig settings = ConfigLoader.load(dir, config, Overrides.NONE, MlopsCommand.operator());
        RunLog log = MlopsCommand.log(out, err, json);
        PublishResult result = new Publishing().publish(dir, settings, new Publishing.Target(remote, branch, tag),
                GitEnvironment.credentials(System.getenv()), dryRun, log);
        if (json) {
            out.println(JSON.writeValueAsString(result));
        }
        out.flush();
        return ExitCodes.TARGET_MET;
    }
}
