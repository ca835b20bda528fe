package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * What an image build says while it runs, in the step's log (the CLI's output, the Jenkins build log): each
 * {@code Step N/M} line at once, and whenever nothing was said for {@code every}, a line with the time so far, the
 * step and the latest output line (the package being fetched or unpacked). A build of several minutes is thus never
 * silent for longer than that, without flooding the log with every line apt prints.
 */
final class BuildProgress implements AutoCloseable {
    /** Under the 10 s a user waits before wondering whether anything happens. */
    static final Duration EVERY = Duration.ofSeconds(6);

    private static final Pattern STEP = Pattern.compile("^Step \\d+/\\d+ : .*");
    private static final int MAX_LINE = 120;

    private final RunLog log;
    private final String image;
    private final long every;
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private long lastSaid = started;
    private String step = "";
    private String latest = "";

    BuildProgress(final RunLog log, final String image, final Duration every) {
        this.log = log;
        this.image = image;
        this.every = every.toNanos();
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "mlops-build-progress " + image);
            thread.setDaemon(true);
            return thread;
        });
        long tick = Math.max(1, every.toMillis() / 4);
        ticker.scheduleAtFixedRate(this::tick, tick, tick, TimeUnit.MILLISECONDS);
    }

    /** One chunk of the daemon's build output (it may hold several lines, or end without a newline). */
    synchronized void output(final String chunk) {
        chunk.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
            if (STEP.matcher(line).matches()) {
                step = line.substring(0, line.indexOf(" :"));
                say("[docker build] %s", line);
            }
            else {
                latest = line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line;
            }
        });
    }

    private synchronized void tick() {
        long now = System.nanoTime();
        if (now - lastSaid >= every) {
            say("[docker build] %s: %ds%s%s", image, Duration.ofNanos(now - started).toSeconds(),
                    step.isEmpty() ? "" : ", " + step, latest.isEmpty() ? "" : ", " + latest);
        }
    }

    private void say(final String format, final Object... args) {
        log.info(format, args);
        lastSaid = System.nanoTime();
    }

    /** How long the build took so far. */
    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
