package io.jenkins.plugins.mlops.cli;

/** The entry point of {@code mlops.jar}. */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(final String... args) {
        System.exit(MlopsCommand.newCommandLine().execute(args));
    }
}
