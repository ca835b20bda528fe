package io.jenkins.plugins.mlops.engine.util;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What the engine has to say while it works: info lines and a capped list of error lines. Front ends print it (the
 * CLI to stdout, the plugin to the build log); it crosses the Jenkins agent channel, so it is serialisable. A
 * {@link Sink} set at creation sees every line as it is added, which is how logs stream while a container trains.
 */
public final class RunLog implements Serializable {
    private static final long serialVersionUID = 1L;

    /** At most this many error lines are kept; further ones are counted, not stored. */
    static final int MAX_ERRORS = 1000;

    /** Receives each line as it is logged. */
    @FunctionalInterface
    public interface Sink {
        /** Called once per line, in order. */
        void line(boolean error, String line);
    }

    private final List<String> infoLines = new ArrayList<>();
    private final List<String> errorLines = new ArrayList<>();
    private int droppedErrors;
    private final transient Sink sink;

    /** A log that only collects. */
    public RunLog() {
        this((error, line) -> { });
    }

    /** A log that collects and passes every line to {@code sink} at once. */
    public RunLog(final Sink sink) {
        this.sink = sink;
    }

    /** Logs an info line; {@code format} uses {@link String#format} placeholders. */
    public synchronized void info(final String format, final Object... args) {
        String line = format(format, args);
        infoLines.add(line);
        emit(false, line);
    }

    /** Logs an error line; past {@link #MAX_ERRORS} lines they are only counted. */
    public synchronized void error(final String format, final Object... args) {
        String line = format(format, args);
        if (errorLines.size() < MAX_ERRORS) {
            errorLines.add(line);
        }
        else {
            droppedErrors++;
        }
        emit(true, line);
    }

    /** Adds the lines of {@code other} (without passing them to the sink again). */
    public synchronized void merge(final RunLog other) {
        infoLines.addAll(other.getInfoMessages());
        for (String line : other.getErrorMessages()) {
            if (errorLines.size() < MAX_ERRORS) {
                errorLines.add(line);
            }
            else {
                droppedErrors++;
            }
        }
        droppedErrors += other.droppedErrors;
    }

    /** The info lines so far. */
    public synchronized List<String> getInfoMessages() {
        return Collections.unmodifiableList(new ArrayList<>(infoLines));
    }

    /** The error lines so far (at most {@link #MAX_ERRORS}). */
    public synchronized List<String> getErrorMessages() {
        return Collections.unmodifiableList(new ArrayList<>(errorLines));
    }

    /** How many error lines were dropped because of the cap. */
    public synchronized int getDroppedErrors() {
        return droppedErrors;
    }

    /** Whether any error line was logged. */
    public synchronized boolean hasErrors() {
        return !errorLines.isEmpty();
    }

    private void emit(final boolean error, final String line) {
        if (sink != null) {
            sink.line(error, line);
        }
    }

    /** The line with the user info of any URL masked: log lines end up on consoles and in build logs. */
    private static String format(final String format, final Object... args) {
        return Secrets.maskUrls(args.length == 0 ? format : String.format(Locale.ROOT, format, args));
    }
}
