package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code mlops run}: the whole chain, its study bounded by max trials. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "The whole chain: fetch (with --url), detect, train in a container, check, tweak and retrain "
                + "until the target or the budget, publish, notify. State in .mlops/run.json; resumes after a crash.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:target met", "1:target not met", "2:bad input or configuration",
                "3:infrastructure problem (docker, git, smtp)"})
final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The model repository (default: current directory).")
    private Path workspace;

    @Option(names = "--url", description = "Fetch this repository into the workspace first (credentials from "
            + "MLOPS_GIT_USERNAME/MLOPS_GIT_PASSWORD or MLOPS_GIT_SSH_KEY).")
    private String url;

    @Option(names = "--branch", description = "The branch to fetch and to push via-git tweaks to (default: main).")
    private String branch = "main";

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @CommandLine.Mixin
    private StudyOptions study = new StudyOptions();

    @CommandLine.Mixin
    private TrainOptions train = new TrainOptions();

    @Option(names = "--no-publish", description = "Do not publish the winning model.")
    private boolean noPublish;

    @Option(names = "--quiet", description = "Hide the training output.")
    private boolean quiet;

    @Option(names = "--json", description = "Print one JSON summary object on stdout (logs go to stderr).")
    private boolean json;

    @Override
    public Integer call() {
        Overrides options = train.addTo(study.toOverrides(), MlopsCommand.workingDirectory()).build();
        ChainRequest request = ChainRequest.of(workspace)
                .withFetch(url, branch, GitEnvironment.credentials(System.getenv())).withConfigFile(config)
                .withOptions(options).withOperator(MlopsCommand.operator()).withPublish(!noPublish);
        return ChainExecution.exitCode(ChainExecution.run(spec, request, json, quiet));
    }
}
