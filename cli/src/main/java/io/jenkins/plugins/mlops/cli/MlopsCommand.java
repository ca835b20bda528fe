package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code mlops} command: continuous training of ML models without Jenkins, over the same engine as the plugin.
 * Every subcommand acts on the current directory as its workspace unless {@code --workspace} is given.
 */
@Command(name = "mlops", mixinStandardHelpOptions = true, version = "mlops 0.1.0-SNAPSHOT",
        description = "Continuous training of ML models: fetch, detect, train in a container, check the metric, "
                + "tweak and retrain, notify, publish.",
        subcommands = {CommandLine.HelpCommand.class, FetchCommand.class, PollCommand.class,
                DetectCommand.class, TrainCommand.class, CheckCommand.class, TweakCommand.class,
                NotifyCommand.class, PublishCommand.class, RunCommand.class, WatchCommand.class,
                ReportCommand.class, DemoCommand.class, ServeCommand.class, AskCommand.class,
                TellCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:target met (or the step succeeded)",
                "1:target not met (or nothing new)",
                "2:bad input or configuration",
                "3:infrastructure problem (docker, git, smtp)"})
final class MlopsCommand implements Runnable {
    private final Path workingDirectory;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    private MlopsCommand(final Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line for this process, shared by {@link Main} and the tests. */
    static CommandLine newCommandLine() {
        return ExitCodes.configure(new CommandLine(new MlopsCommand(Path.of("").toAbsolutePath())));
    }

    /**
     * The command line for a client of {@code mlops serve}: the server's JVM has its own current folder, so relative
     * paths on the client's command line (and the default workspace ".") are resolved against the client's.
     */
    static CommandLine newCommandLine(final Path workingDirectory) {
        CommandLine commandLine = ExitCodes.configure(new CommandLine(new MlopsCommand(workingDirectory)));
        commandLine.registerConverter(Path.class, workingDirectory::resolve);
        return commandLine;
    }

    /** The operator's policy of this process: the MLOPS_* variables of its environment. */
    static OperatorPolicy operator() {
        return OperatorPolicy.fromEnvironment(System.getenv());
    }

    /** The folder relative command-line values are relative to: the caller's current folder. */
    static Path workingDirectory(final CommandLine.Model.CommandSpec spec) {
        return ((MlopsCommand) spec.root().userObject()).workingDirectory;
    }
}
