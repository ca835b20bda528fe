package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import io.jenkins.plugins.mlops.engine.pipeline.Fetching;
import io.jenkins.plugins.mlops.engine.source.PollResult;
import io.jenkins.plugins.mlops.engine.source.RepositoryPoller;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code mlops watch}: polls the repository (every minute by default, ls-remote only) and runs the whole chain on
 * each new commit. Ctrl-C stops it: between chains at once, during a chain after the running container is removed.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Poll the repository and run the chain on every new commit of the branch.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped after --max-runs runs", "2:bad input or configuration",
                "3:infrastructure problem (docker, git, smtp)"})
final class WatchCommand implements Callable<Integer> {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--url", required = true, description = "The model repository to watch.")
    private String url;

    @Option(names = "--branch", description = "The branch to watch (default: main).")
    private String branch = "main";

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "Where to check it out (default: current directory).")
    private Path workspace;

    @Option(names = "--interval", description = "Seconds between polls (default: 60).")
    private long intervalSeconds = RepositoryPoller.DEFAULT_INTERVAL.toSeconds();

    @Option(names = "--max-runs", paramLabel = "N", description = "Stop after N runs of the chain (default: never).")
    private int maxChains = Integer.MAX_VALUE;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @CommandLine.Mixin
    private StudyOptions study = new StudyOptions();

    @CommandLine.Mixin
    private TrainOptions train = new TrainOptions();

    @Option(names = "--no-publish", description = "Do not publish winning models.")
    private boolean noPublish;

    @Option(names = "--quiet", description = "Hide the training output.")
    private boolean quiet;

    @Override
    public Integer call() throws InterruptedException {
        if (intervalSeconds < 1) {
            throw MlopsException.input("--interval must be at least 1 second, not " + intervalSeconds + ".");
        }
        PrintWriter out = spec.commandLine().getOut();
        GitCredentials credentials = GitEnvironment.credentials(System.getenv());
        Overrides options = train.addTo(study.toOverrides(), MlopsCommand.workingDirectory()).build();
        OperatorPolicy operator = MlopsCommand.operator();
        RepositoryPoller poller = new RepositoryPoller();
        String trained = Fetching.lastFetched(workspace).orElse(null);
        int chains = 0;
        while (chains < maxChains) {
            PollResult poll = poller.poll(url, branch, credentials, trained);
            if (poll.changed()) {
                out.println("New commit " + poll.head() + " on " + branch + ": running the chain");
                out.flush();
                ChainExecution.run(spec, ChainRequest.of(workspace)
                        .withFetch(url, branch, credentials).withConfigFile(config).withOptions(options)
                        .withOperator(operator).withPublish(!noPublish), false, quiet);
                trained = poll.head();
                chains++;
            }
            else {
                out.println("No new commit on " + branch + " (head " + poll.head() + "); next poll in "
                        + intervalSeconds + " s");
                out.flush();
            }
            if (chains < maxChains) {
                Thread.sleep(Duration.ofSeconds(intervalSeconds).toMillis());
            }
        }
        return ExitCodes.TARGET_MET;
    }
}
