package io.jenkins.plugins.mlops.engine.train;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Turns the byte chunks of one output stream into lines. Docker frames do not end at line breaks, and a UTF-8
 * character may be split between two frames, so bytes are kept until the line is whole. A line longer than
 * {@link #MAX_LINE} bytes is passed on in pieces, so a script that never prints a line break cannot fill memory.
 */
final class LineSplitter {
    static final int MAX_LINE = 64 * 1024;

    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final Consumer<String> lines;

    LineSplitter(final Consumer<String> lines) {
        this.lines = lines;
    }

    /** Adds a chunk; every line it completes is passed on. */
    void accept(final byte[] chunk) {
        for (byte b : chunk) {
            if (b == '\n') {
                emit();
            }
            else {
                pending.write(b);
                if (pending.size() >= MAX_LINE) {
                    emit();
                }
            }
        }
    }

    /** Passes on the last line if it had no line break. */
    void flush() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        lines.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
