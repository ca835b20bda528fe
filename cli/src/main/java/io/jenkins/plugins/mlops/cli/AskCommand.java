package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.study.AskTell;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops ask}: hands out up to N new trials of the study in the workspace, each recorded RUNNING under a lease,
 * so that any scheduler (a shell loop, a CI matrix, a Kubernetes Job array) can train them elsewhere with
 * {@code mlops train --trial N --spec FILE} and report back with {@code mlops tell}.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ask the study in the workspace for up to N new trials to train elsewhere (ask-and-tell).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trials were asked", "1:no trial to ask now (the study stopped, or max trials are running)",
                "2:bad input or configuration"})
final class AskCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern DURATION = Pattern.compile("(\\d+)([smh])");

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The study's workspace, holding .mlops/run.json (default: current directory).")
    private Path workspace;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--count", defaultValue = "1", paramLabel = "N", description = "How many trials at most (default 1).")
    private int count;

    @Option(names = "--worker", paramLabel = "NAME", description = "Who will train them, recorded with the lease.")
    private String worker;

    @Option(names = "--lease", paramLabel = "DURATION", description = "How long a trial may run without a result before it counts as failed, e.g. 90s, 30m, 2h (default: the training timeout + 5m).")
    private String lease;

    @Option(names = "--json", description = "Print the trials as a JSON array (the --spec of mlops train).")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunLog log = MlopsCommand.log(out, err, true);
        AskTell study = new AskTell(workspace, ConfigLoader.load(workspace, config, Overrides.NONE,
                MlopsCommand.operator()));
        Duration leaseTime = lease == null ? study.defaultLease() : parse(lease);
        List<TrialSpec> asked = study.ask(count, worker, leaseTime, log);
        if (json) {
            out.println(JSON.writeValueAsString(asked));
        }
        else {
            asked.forEach(trial -> out.println(trial.number() + "\t" + trial.change()));
        }
        out.flush();
        return asked.isEmpty() ? ExitCodes.TARGET_NOT_MET : ExitCodes.TARGET_MET;
    }

    private static Duration parse(final String text) {
        Matcher matcher = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches() || Long.parseLong(matcher.group(1)) == 0) {
            throw MlopsException.input("--lease '" + text + "' is no duration; write a positive number with s, m "
                    + "or h, e.g. 90s, 30m, 2h.");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
