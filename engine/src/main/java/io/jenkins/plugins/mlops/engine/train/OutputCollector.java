package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Follows a container's log: passes each stdout/stderr line on at once, and keeps what the result needs (the last
 * lines for a failure message and the {@code MLOPS_METRIC} lines for the gate).
 */
final class OutputCollector extends ResultCallback.Adapter<Frame> {
    /** A metric line: {@code MLOPS_METRIC name=value}. */
    static final Pattern METRIC_LINE = Pattern.compile("^MLOPS_METRIC\\s+\\S+\\s*=.*");

    private final int keep;
    private final Deque<String> last = new ArrayDeque<>();
    private final List<String> metricLines = new ArrayList<>();
    private final LineSplitter stdout;
    private final LineSplitter stderr;

    OutputCollector(final TrainingOutput output, final int keep) {
        this.keep = keep;
        this.stdout = new LineSplitter(line -> {
            remember(line);
            if (METRIC_LINE.matcher(line.strip()).matches()) {
                synchronized (this) {
                    metricLines.add(line.strip());
                }
            }
            output.stdout(line);
        });
        this.stderr = new LineSplitter(line -> {
            remember(line);
            output.stderr(line);
        });
    }

    @Override
    public void onNext(final Frame frame) {
        if (frame.getStreamType() == StreamType.STDERR) {
            stderr.accept(frame.getPayload());
        }
        else {
            stdout.accept(frame.getPayload());
        }
    }

    @Override
    public void onComplete() {
        stdout.flush();
        stderr.flush();
        super.onComplete();
    }

    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    synchronized List<String> metricLines() {
        return List.copyOf(metricLines);
    }

    private synchronized void remember(final String line) {
        last.addLast(line);
        if (last.size() > keep) {
            last.removeFirst();
        }
    }
}
