package io.jenkins.plugins.mlops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

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
                ReportCommand.class, DemoCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:target met (or the step succeeded)",
                "1:target not met (or nothing new)",
                "2:bad input or configuration",
                "3:infrastructure problem (docker, git, smtp)"})
public final class MlopsCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(final String... args) {
        System.exit(newCommandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and the tests. */
    static CommandLine newCommandLine() {
        return ExitCodes.configure(new CommandLine(new MlopsCommand()));
    }
}
