package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.time.Duration;
import java.util.List;

/**
 * How one training attempt ended.
 *
 * @param state       COMPLETE (exit 0), FAILED, TIMED_OUT or CANCELLED
 * @param exitCode    the container's exit code, or -1 when it was killed before it ended by itself
 * @param duration    wall time from container start to its end
 * @param imageId     the id of the image that ran ({@code sha256:...})
 * @param repoDigests the image's registry digests ({@code name@sha256:...}), empty for locally built images
 * @param metricLines the {@code MLOPS_METRIC name=value} lines the script printed, in order
 * @param lastLines   the last lines of output (stdout and stderr interleaved as read)
 * @param artifacts   files copied back into the workspace, relative to it
 * @param message     why it did not complete (last lines, OOM with the limit, timeout, cancel), or {@code null}
 */
public record TrainingResult(TrialState state, int exitCode, Duration duration, String imageId,
        List<String> repoDigests, List<String> metricLines, List<String> lastLines, List<String> artifacts,
        String message) {
    public TrainingResult {
        repoDigests = List.copyOf(repoDigests);
        metricLines = List.copyOf(metricLines);
        lastLines = List.copyOf(lastLines);
        artifacts = List.copyOf(artifacts);
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
