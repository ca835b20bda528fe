package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.time.Duration;
import java.util.List;

/**
 * How one training (one trial's container) ended.
 *
 * @param state       COMPLETE (exit 0), FAILED, TIMED_OUT or CANCELLED
 * @param exitCode    the container's exit code, or -1 when it was killed before it ended by itself
 * @param duration    wall time from container start to its end
 * @param imageId     the id of the image that ran ({@code sha256:...})
 * @param repoDigests the image's registry digests ({@code name@sha256:...}), empty for locally built images
 * @param metricLines the last {@code MLOPS_METRIC name=value} line of each metric the script printed
 * @param lastLines   the last lines of output (stdout and stderr interleaved as read)
 * @param outputComplete whether the whole output stream was read; when not, a metric line may be missing, so the
 *                    gate must not trust {@code metricLines}
 * @param artifacts   files copied back into the workspace, relative to it
 * @param notCopied   wanted files that were refused (under .git, through a link, above a size limit), each with
 *                    the reason in parentheses
 * @param message     why it did not complete (last lines, OOM with the limit, timeout, cancel), or {@code null}
 */
public record TrainingResult(TrialState state, int exitCode, Duration duration, String imageId,
        List<String> repoDigests, List<String> metricLines, List<String> lastLines, boolean outputComplete,
        List<String> artifacts, List<String> notCopied, String message) {
    public TrainingResult {
        repoDigests = List.copyOf(repoDigests);
        metricLines = List.copyOf(metricLines);
        lastLines = List.copyOf(lastLines);
        artifacts = List.copyOf(artifacts);
        notCopied = List.copyOf(notCopied);
    }

    /** A training cancelled before its container ran: nothing ran, nothing came back, {@code message} says why. */
    static TrainingResult cancelled(final String message) {
        return new TrainingResult(TrialState.CANCELLED, -1, Duration.ZERO, null, List.of(), List.of(), List.of(),
                true, List.of(), List.of(), message);
    }

    /** The most precise name of the image: its first registry digest, else its id. */
    public String imageDigest() {
        return repoDigests.isEmpty() ? imageId : repoDigests.get(0);
    }

    /** Whether the script ran to its end and exited 0. */
    public boolean isComplete() {
        return state == TrialState.COMPLETE;
    }
}
