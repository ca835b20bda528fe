package io.jenkins.plugins.mlops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.study.AskTell;
import io.jenkins.plugins.mlops.engine.study.StudyStatus;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mlops tell}: records the result of an asked trial (the JSON {@code mlops train --trial N --spec FILE --json}
 * printed) in the study's run.json. Telling a trial twice records it once; a late result is still recorded.
 */
@Command(name = "tell", mixinStandardHelpOptions = true,
        description = "Tell the study in the workspace the result of an asked trial (ask-and-tell).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:recorded, and the study met its target", "1:recorded, target not met (yet)",
                "2:bad input (unknown trial, unreadable result)"})
final class TellCommand implements Callable<Integer> {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Option(names = "--workspace", defaultValue = ".", paramLabel = "DIR", description = "The study's workspace, holding .mlops/run.json (default: current directory).")
    private Path workspace;

    @Option(names = "--config", paramLabel = "FILE", description = "A config file over the repository's mlops.yml.")
    private Path config;

    @Option(names = "--trial", required = true, paramLabel = "N", description = "The trial number the result belongs to.")
    private int trial;

    @Option(names = "--result", required = true, paramLabel = "FILE", description = "The result: what mlops train --spec ... --json printed.")
    private Path result;

    @Option(names = "--json", description = "Print the study's status as JSON.")
    private boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunLog log = MlopsCommand.log(out, err, json);
        TrialReport report = read(result);
        if (report.number() != trial) {
            throw MlopsException.input("--result " + result + " is the result of trial " + report.number()
                    + ", not of --trial " + trial + "; pass the file trial " + trial + "'s training printed.");
        }
        StudyStatus status = new AskTell(workspace, ConfigLoader.load(workspace, config, Overrides.NONE,
                MlopsCommand.operator())).tell(report, log);
        if (json) {
            out.println(JSON.writeValueAsString(status));
        }
        else {
            out.println((status.done() ? "Study done: " : "Study goes on: ") + status.reason() + "; "
                    + status.verdict() + (status.best() == null ? ""
                            : ", best trial " + status.best().number() + " (" + status.best().metric() + ")"
                                    + (status.bestModelLocation() == null ? ""
                                            : ", model files at " + status.bestModelLocation())));
        }
        out.flush();
        return status.passed() ? ExitCodes.TARGET_MET : ExitCodes.TARGET_NOT_MET;
    }

    private static TrialReport read(final Path file) {
        try {
            return JSON.readValue(file.toFile(), TrialReport.class);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the trial result " + file + " (" + e.getMessage().lines()
                    .findFirst().orElse("") + "); pass the JSON that 'mlops train --trial N --spec FILE --json' "
                    + "printed.");
        }
    }
}
