package io.jenkins.plugins.mlops.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code mlops} in the test's JVM, as {@link Main} does without a server, and keeps what the last run printed. */
final class InProcessMlops {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs the command line and returns its exit code. */
    int run(final String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** What the last run printed on standard output. */
    String out() {
        return out.toString();
    }

    /** What the last run printed on standard error. */
    String err() {
        return err.toString();
    }
}
