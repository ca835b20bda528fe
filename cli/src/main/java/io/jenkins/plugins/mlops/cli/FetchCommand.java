package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.pipeline.Fetching;
import io.jenkins.plugins.mlops.engine.source.FetchResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mlops fetch URL}: clones the model repository into the workspace, or fetches and resets it to the remote
 * head of the branch, prints the commit and the changed files, and records the commit in run.json.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Clone the model repository into the workspace, or fetch it and reset to the branch's remote "
                + "head; print the commit, author, message and changed files.",
                "Credentials come from the environment only: MLOPS_GIT_USERNAME + MLOPS_GIT_PASSWORD (password or "
                        + "token), or MLOPS_GIT_SSH_KEY (+ MLOPS_GIT_SSH_PASSPHRASE)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:fetched", "2:bad URL, branch, credentials or workspace", "3:host unreachable"})
final class FetchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "URL", description = "The model repository (https, ssh or file URL).")
    private String url;

    @Option(names = "--branch", description = "The branch (default: ${DEFAULT-VALUE}).")
    private String branch = "main";

    @Option(names = "--depth", paramLabel = "N", description = "Fetch only the last N commits (default 0: all).")
    private int depth;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The checkout (default: current directory).")
    private Path workspace;

    @Option(names = "--json", description = "Print the result as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = workspace.toAbsolutePath().normalize();
        RunLog log = MlopsCommand.log(out, err, true);
        FetchResult result = new Fetching().fetch(dir, url, branch, GitEnvironment.credentials(System.getenv()),
                depth, log).orElseThrow();

        if (json) {
            out.println(JSON.writeValueAsString(result));
        }
        else {
            out.println("commit  " + result.commit());
            out.println("author  " + result.authorName() + " <" + result.authorEmail() + ">");
            out.println("message " + result.message().lines().findFirst().orElse(""));
            out.println("changed " + (result.previousCommit() == null ? "(first clone) " : "")
                    + result.changedFiles().size() + " file(s)");
            result.changedFiles().forEach(file -> out.println("  " + file));
        }
        out.flush();
        return ExitCodes.TARGET_MET;
    }
}
