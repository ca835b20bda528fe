package io.jenkins.plugins.mlops.cli;

import java.util.OptionalInt;

/**
 * The entry point of {@code mlops.jar}: a running {@code mlops serve} runs the command when it takes it (a warm
 * JVM, no engine start-up); otherwise this JVM runs it.
 */
public final class Main {
    private Main() {
    }

    /** Runs the command line and exits with its exit code. */
    public static void main(final String... args) {
        OptionalInt served = new ServerClient(System.getenv(), System.out, System.err).run(args);
        System.exit(served.isPresent() ? served.getAsInt() : MlopsCommand.newCommandLine().execute(args));
    }
}
