package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Follows a container's log: reads every stdout/stderr line, keeps what the result needs (the last lines for a
 * failure message and the last {@code MLOPS_METRIC} line of each metric for the gate), and passes the output on
 * bounded ({@link BoundedOutput}). Every line is read, however much there is: the metric is usually the last one.
 */
final class OutputCollector extends ResultCallback.Adapter<Frame> {
    /** A metric line: {@code MLOPS_METRIC name=value}; group 1 is the name. */
    static final Pattern METRIC_LINE = Pattern.compile("^MLOPS_METRIC\\s+([^\\s=]+)\\s*=.*");
    /** Output passed on as it comes. */
    static final long HEAD_BYTES = 4L << 20;
    /** Output kept for the end once the head is used up. */
    static final long TAIL_BYTES = 1L << 20;
    /** Different metrics remembered; more names than this are a script printing noise. */
    private static final int MAX_METRICS = 1000;

    private final int keep;
    private final Deque<String> last = new ArrayDeque<>();
    private final Map<String, String> metricLines = new LinkedHashMap<>();
    private final BoundedOutput passed;
    private final LineSplitter stdout;
    private final LineSplitter stderr;
    private volatile long lastFrameNanos = System.nanoTime();
    private volatile boolean failed;
    /** Own latch: the callback's awaitCompletion(timeout) closes the stream when it returns, even before its end. */
    private final CountDownLatch ended = new CountDownLatch(1);

    OutputCollector(final TrainingOutput output, final int keep) {
        this.keep = keep;
        this.passed = new BoundedOutput(output, HEAD_BYTES, TAIL_BYTES);
        this.stdout = new LineSplitter(line -> {
            remember(line);
            Matcher metric = METRIC_LINE.matcher(line.strip());
            if (metric.matches()) {
                rememberMetric(metric.group(1).toLowerCase(Locale.ROOT), line.strip());
            }
            passed.stdout(line);
        });
        this.stderr = new LineSplitter(line -> {
            remember(line);
            passed.stderr(line);
        });
    }

    @Override
    public void onNext(final Frame frame) {
        lastFrameNanos = System.nanoTime();
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
        ended.countDown();
        super.onComplete();
    }

    @Override
    public void onError(final Throwable throwable) {
        failed = true;
        ended.countDown();
        super.onError(throwable);
    }

    /**
     * After the container ended: waits for the rest of its log as long as data still arrives, and gives up only after
     * {@code silence} without any. Then passes the kept tail on.
     *
     * @return whether the whole stream was read
     */
    boolean drain(final Duration silence, final RunLog log) throws InterruptedException {
        long start = System.nanoTime();
        boolean complete = false;
        while (!complete && System.nanoTime() - Math.max(start, lastFrameNanos) < silence.toNanos()) {
            complete = ended.await(1, TimeUnit.SECONDS);
        }
        passed.finish(log);
        return complete && !failed;
    }

    /** Passes the kept tail on when the stream was not drained (timeout, cancel). */
    void finish(final RunLog log) {
        passed.finish(log);
    }

    synchronized List<String> lastLines() {
        return List.copyOf(last);
    }

    /** The last {@code MLOPS_METRIC} line of each metric, in the order they were last printed. */
    synchronized List<String> metricLines() {
        return List.copyOf(metricLines.values());
    }

    private synchronized void remember(final String line) {
        last.addLast(line);
        if (last.size() > keep) {
            last.removeFirst();
        }
    }

    private synchronized void rememberMetric(final String name, final String line) {
        if (metricLines.remove(name) != null || metricLines.size() < MAX_METRICS) {
            metricLines.put(name, line);
        }
    }
}
