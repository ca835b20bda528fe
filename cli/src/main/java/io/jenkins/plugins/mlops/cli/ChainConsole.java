package io.jenkins.plugins.mlops.cli;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.pipeline.ChainResult;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What a person sees while the chain runs: the engine's lines, the training output indented (hidden with --quiet),
 * a progress line when a container has been silent for a while, and a summary table at the end. With --json every
 * line goes to stderr so that stdout holds only the JSON summary.
 */
final class ChainConsole implements TrainingOutput, AutoCloseable {
    private static final long PROGRESS_SECONDS = 15;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean quiet;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "mlops-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastLine = System.nanoTime();
    private final long started = System.nanoTime();

    ChainConsole(final PrintWriter out, final PrintWriter err, final boolean json, final boolean quiet) {
        this.out = json ? err : out;
        this.err = err;
        this.quiet = quiet;
        ticker.scheduleAtFixedRate(this::progress, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
    }

    /** The log that prints each line as it comes. */
    RunLog log() {
        return new RunLog((error, line) -> print(error ? err : out, error ? "! " + line : "> " + line));
    }

    @Override
    public void stdout(final String line) {
        if (!quiet) {
            print(out, "  | " + line);
        }
    }

    @Override
    public void stderr(final String line) {
        if (!quiet) {
            print(err, "  | " + line);
        }
    }

    /** The table of trials and where things went. */
    void summary(final ChainResult result) {
        ChainState state = result.state();
        out.println();
        out.printf(Locale.ROOT, "%-6s %-10s %-9s %-9s %s%n", "trial", "state", "metric", "duration", "change");
        for (TrialRecord trial : state.trials()) {
            out.printf(Locale.ROOT, "%-6s %-10s %-9s %-9s %s%n", trial.number() + (isBest(result, trial) ? "*" : ""),
                    trial.state(), MetricFormat.format(trial.metric()), seconds(trial.durationMillis()),
                    trial.change() == null ? "" : trial.change());
        }
        out.println();
        out.println("Verdict:   " + result.study().verdict() + " (" + result.study().reason() + "), target "
                + MetricFormat.format(state.objective().target()) + " " + state.objective().metric());
        if (state.published() != null) {
            out.println("Published: " + state.published().branch() + " @ " + state.published().commit() + " (tag "
                    + state.published().tag() + ") in " + state.published().remote());
        }
        if (result.mail() != null) {
            out.println("Mail:      " + result.mail());
        }
        out.println("Report:    " + result.report());
        out.println("Run state: " + result.stateFile());
        out.flush();
    }

    private static boolean isBest(final ChainResult result, final TrialRecord trial) {
        return result.study().best() != null && result.study().best().number() == trial.number();
    }

    private static String seconds(final long millis) {
        return String.format(Locale.ROOT, "%.1fs", millis / 1000.0);
    }

    private void progress() {
        long silent = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - lastLine);
        if (silent >= PROGRESS_SECONDS) {
            print(out, "  … still working (" + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)
                    + " s since start, " + silent + " s since the last line)");
        }
    }

    private synchronized void print(final PrintWriter writer, final String line) {
        lastLine = System.nanoTime();
        writer.println(line);
        writer.flush();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
