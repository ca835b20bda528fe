package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code mlops} command: continuous training of ML models without Jenkins, over the same engine as the plugin.
 * Every subcommand acts on the current directory as its workspace unless {@code --workspace} is given.
 */
@Command(name = "mlops", mixinStandardHelpOptions = true, version = "mlops 0.1.0-SNAPSHOT",
        description = "Continuous training of ML models: fetch, detect, train in a container, check the metric, "
                + "tweak and retrain, publish, notify.",
        subcommands = {CommandLine.HelpCommand.class, FetchCommand.class, PollCommand.class,
                DetectCommand.class, TrainCommand.class, CheckCommand.class, TweakCommand.class,
                NotifyCommand.class, PublishCommand.class, RunCommand.class, WatchCommand.class,
                ReportCommand.class, DemoCommand.class, AskCommand.class, TellCommand.class},
        footer = {"%nEach call starts a new JVM (about half a second). To train many trials, run them in one: "
                + "`mlops run` (the whole chain), `mlops watch`, or the steps in one Jenkins build."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:target met (or the step succeeded)",
                "1:target not met (or nothing new)",
                "2:bad input or configuration",
                "3:infrastructure problem (docker, git, smtp)"})
final class MlopsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private MlopsCommand() {
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line for this process, shared by {@link Main} and the tests. */
    static CommandLine newCommandLine() {
        return ExitCodes.configure(new CommandLine(new MlopsCommand()));
    }

    /** The operator's policy of this process: the MLOPS_* variables of its environment. */
    static OperatorPolicy operator() {
        return OperatorPolicy.fromEnvironment(System.getenv());
    }

    /**
     * The log of a command: errors, and every line when {@code allToErr} (the command prints a result others read,
     * such as JSON), go to {@code err}; the rest to {@code out}. Each line is flushed at once, so a long training's
     * output streams.
     */
    static RunLog log(final PrintWriter out, final PrintWriter err, final boolean allToErr) {
        return new RunLog((error, line) -> {
            PrintWriter to = error || allToErr ? err : out;
            to.println(line);
            to.flush();
        });
    }

    /** The folder relative command-line values are relative to: the caller's current folder. */
    static Path workingDirectory() {
        return Path.of("").toAbsolutePath();
    }
}
