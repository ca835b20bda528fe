package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.Secrets;
import picocli.CommandLine;

/** The exit codes of {@code mlops}, documented in {@code --help}, and how exceptions map onto them. */
final class ExitCodes {
    static final int TARGET_MET = 0;
    static final int TARGET_NOT_MET = 1;
    static final int BAD_INPUT = 2;
    static final int INFRASTRUCTURE = 3;

    private ExitCodes() {
    }

    /** Makes {@code commandLine} print one clear line for an {@link MlopsException} and exit 2 or 3. */
    static CommandLine configure(final CommandLine commandLine) {
        commandLine.setExitCodeExceptionMapper(ExitCodes::exitCodeOf);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("mlops: " + messageOf(exception));
            return exitCodeOf(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("mlops: " + Secrets.maskUrls(exception.getMessage()));
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return BAD_INPUT;
        });
        return commandLine;
    }

    static int exitCodeOf(final Throwable exception) {
        if (exception instanceof MlopsException mlops) {
            return mlops.kind() == MlopsException.Kind.INPUT ? BAD_INPUT : INFRASTRUCTURE;
        }
        return INFRASTRUCTURE;
    }

    /** The message as it may be printed: whatever threw it, no URL's user info. */
    private static String messageOf(final Exception exception) {
        if (exception instanceof MlopsException) {
            return Secrets.maskUrls(exception.getMessage());
        }
        return "unexpected " + exception.getClass().getSimpleName() + ": " + Secrets.maskUrls(exception.getMessage());
    }
}
