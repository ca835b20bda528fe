package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Passes a training's output on for the console and the stored log, bounded: the first {@code headBytes} as they
 * come, then only the last {@code tailBytes}, which follow a note of how much was cut once the stream ended. A script
 * that prints gigabytes thus neither fills the build log nor slows the reading of its stream down.
 */
final class BoundedOutput {
    private final TrainingOutput output;
    private final long headBytes;
    private final long tailBytes;
    private final Deque<Line> tail = new ArrayDeque<>();
    private long passedBytes;
    private long tailSize;
    private long cutLines;
    private long cutBytes;

    private record Line(boolean stderr, String text) {
    }

    BoundedOutput(final TrainingOutput output, final long headBytes, final long tailBytes) {
        this.output = output;
        this.headBytes = headBytes;
        this.tailBytes = tailBytes;
    }

    synchronized void stdout(final String line) {
        accept(false, line);
    }

    synchronized void stderr(final String line) {
        accept(true, line);
    }

    /** After the stream ended: the note of what was cut, then the kept tail. */
    synchronized void finish(final RunLog log) {
        if (cutLines > 0) {
            log.info("[%d lines of output (%d bytes) cut here; the last %d lines follow]", cutLines, cutBytes,
                    tail.size());
        }
        while (!tail.isEmpty()) {
            pass(tail.removeFirst());
        }
    }

    private void accept(final boolean stderr, final String text) {
        long size = text.length() + 1L;
        if (passedBytes + size <= headBytes && tail.isEmpty()) {
            passedBytes += size;
            pass(new Line(stderr, text));
            return;
        }
        tail.addLast(new Line(stderr, text));
        tailSize += size;
        while (tailSize > tailBytes && !tail.isEmpty()) {
            Line dropped = tail.removeFirst();
            tailSize -= dropped.text().length() + 1L;
            cutLines++;
            cutBytes += dropped.text().length() + 1L;
        }
    }

    private void pass(final Line line) {
        if (line.stderr()) {
            output.stderr(line.text());
        }
        else {
            output.stdout(line.text());
        }
    }
}
