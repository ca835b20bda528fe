package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.pipeline.Fetching;
import io.jenkins.plugins.mlops.engine.source.PollResult;
import io.jenkins.plugins.mlops.engine.source.RepositoryPoller;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code mlops poll URL}: one ls-remote (no clone, no fetch); prints the branch's head and exits 0 when it differs
 * from {@code --since} (or the source commit recorded in the workspace's run.json), 1 when it does not.
 */
@Command(name = "poll", mixinStandardHelpOptions = true,
        description = {"Ask the remote for the branch's head (ls-remote only) and say whether it changed since a "
                + "commit: --since, else the source commit in the workspace's run.json.",
                "Credentials come from the environment only, as for 'mlops fetch'."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:a new commit", "1:nothing new", "2:bad URL, branch or credentials",
                "3:host unreachable"})
final class PollCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The model repository (https, ssh or file URL).")
    private String url;

    @Option(names = "--branch", description = "The branch (default: ${DEFAULT-VALUE}).")
    private String branch = "main";

    @Option(names = "--since", paramLabel = "COMMIT", description = "The commit last seen.")
    private String since;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR",
            description = "Whose run.json gives the last commit when --since is absent (default: current directory).")
    private Path workspace;

    @Option(names = "--json", description = "Print {\"head\": ..., \"changed\": ...} as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        String last = since != null ? since
                : Fetching.lastFetched(workspace).orElse(null);
        PollResult result = new RepositoryPoller().poll(url, branch, GitEnvironment.credentials(System.getenv()),
                last);
        out.println(json ? JSON.writeValueAsString(result)
                : result.head() + (result.changed() ? " (new)" : " (unchanged)"));
        out.flush();
        return result.changed() ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }
}
