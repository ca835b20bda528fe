package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One container's life: create, copy in, start, follow, wait, copy out. */
final class ContainerRun {
    /** How many output lines the result keeps for its message. */
    static final int LAST_LINES = 30;
    private static final CopyBack.Result NOTHING_COPIED = new CopyBack.Result(List.of(), List.of());
    /**
     * After the container ended, its log stream is read to its end; only this long without any data means it will
     * not end (a heavy output takes its time, and its last line is usually the metric).
     */
    static final Duration DRAIN_SILENCE = Duration.ofSeconds(30);

    private final DockerClient control;
    private final DockerClient streams;
    private final TrainingRequest request;
    private final ContainerSpec spec;
    private final TrainerImage image;
    private final RunLog log;
    private final WorkspaceTransfer transfer;

    ContainerRun(final DockerClient control, final DockerClient streams, final TrainingRequest request,
            final ContainerSpec spec, final TrainerImage image, final int[] ids, final SandboxPolicy policy,
            final RunLog log) {
        this.control = control;
        this.streams = streams;
        this.request = request;
        this.spec = spec;
        this.image = image;
        this.log = log;
        this.transfer = new WorkspaceTransfer(control, streams, request, spec, image, ids, policy);
    }

    /** Creates the container (over the trial's layer, for a study's trial); {@link #remove} removes what was made. */
    String create() {
        requireDatasetVolume();
        String workspaceVolume = transfer.layer(log);
        try {
            return Uninterruptible.call(() -> control.createContainerCmd(image.id())
                    .withCmd(spec.command())
                    .withWorkingDir(spec.workingDir())
                    .withUser(spec.user())
                    .withEnv(spec.env())
                    .withLabels(spec.labels())
                    .withVolumes(spec.volumes())
                    .withNetworkDisabled(spec.networkDisabled())
                    .withHostConfig(spec.hostConfig(workspaceVolume))
                    .exec().getId());
        }
        catch (BadRequestException e) {
            throw MlopsException.input("Docker refused the container settings of trial "
                    + request.trialNumber() + ": " + DockerClientFactory.rootMessage(e)
                    + ". Fix the limits (memory, cpus), network or dataset settings.");
        }
    }

    /** Docker would create a volume it does not know, silently and empty: a named dataset volume must exist. */
    private void requireDatasetVolume() {
        String dataset = request.dataset();
        if (dataset == null || dataset.isBlank() || ContainerSpec.isHostPath(dataset)) {
            return;
        }
        try {
            control.inspectVolumeCmd(dataset).exec();
        }
        catch (NotFoundException e) {
            throw MlopsException.input("The dataset volume '" + dataset + "' does not exist on the Docker host, and "
                    + "the tool does not create volumes. Create and fill it (docker volume create " + dataset
                    + "), or name another in --dataset (mlops.yml train.dataset).");
        }
    }

    TrainingResult run(final String id, final TrainingOutput output) {
        log.info("Trial %d: %s in %s (%s) as user %s; network %s, memory %d MiB, timeout %s",
                request.trialNumber(), String.join(" ", request.command()), request.image(),
                shortId(image.id()), spec.user(), request.network(),
                request.limits().memoryBytes() >> 20, request.timeout());
        transfer.copyIn(id, log);
        if (Thread.interrupted()) {
            return cancelledBeforeStart();
        }
        Instant started = Instant.now();
        control.startContainerCmd(id).exec();
        OutputCollector collector = streams.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withFollowStream(true).exec(new OutputCollector(output, LAST_LINES));
        WaitContainerResultCallback waiting = streams.waitContainerCmd(id).exec(new WaitContainerResultCallback());
        try (collector; waiting) {
            boolean ended = waiting.awaitCompletion(request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!ended) {
                kill(id);
                collector.finish(log);
                return finish(TrialState.TIMED_OUT, -1, Duration.between(started, Instant.now()), collector,
                        NOTHING_COPIED, "The training did not end within its timeout of " + request.timeout()
                                + " and was killed. Raise the timeout or train less (fewer epochs, less data).",
                        false);
            }
            int exitCode = waiting.awaitStatusCode();
            Duration duration = Duration.between(started, Instant.now());
            boolean complete = collector.drain(DRAIN_SILENCE, log);
            CopyBack.Result copied = transfer.copyOut(id, log);
            if (exitCode != 0) {
                return finish(TrialState.FAILED, exitCode, duration, collector, copied,
                        failureMessage(id, exitCode, collector), false);
            }
            if (!complete) {
                log.error("Trial %d: its output stream did not end within %d s of silence after the container "
                        + "exited; lines may be missing, so its MLOPS_METRIC lines are not trusted.",
                        request.trialNumber(), DRAIN_SILENCE.toSeconds());
            }
            return finish(TrialState.COMPLETE, 0, duration, collector, copied, null, false, complete);
        }
        catch (InterruptedException e) {
            kill(id);
            collector.finish(log);
            return finish(TrialState.CANCELLED, -1, Duration.between(started, Instant.now()), collector,
                    NOTHING_COPIED, "The trial was cancelled (aborted) while it trained; its container was removed.",
                    true);
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Lost the connection to the container of trial "
                    + request.trialNumber() + ": " + e.getMessage() + ". Check the Docker daemon.", e);
        }
    }

    TrainingResult cancelledBeforeStart() {
        Thread.interrupted();
        return finish(TrialState.CANCELLED, -1, Duration.ZERO, null, NOTHING_COPIED, "The trial was cancelled "
                + "(aborted) before its training started.", true);
    }

    private String failureMessage(final String id, final int exitCode, final OutputCollector collector) {
        InspectContainerResponse.ContainerState state = control.inspectContainerCmd(id).exec().getState();
        if (Boolean.TRUE.equals(state.getOOMKilled())) {
            return "The training ran out of memory: the container was killed at its memory limit of "
                    + (request.limits().memoryBytes() >> 20) + " MiB (OOMKilled, exit " + exitCode + "). "
                    + "Raise the limit (--memory, mlops.yml train.memory) or use less memory (smaller batches "
                    + "or model).";
        }
        List<String> last = collector.lastLines();
        return "The training script exited with code " + exitCode + ". Last lines of its output:\n"
                + String.join("\n", last.subList(Math.max(0, last.size() - 15), last.size()));
    }

    private TrainingResult finish(final TrialState state, final int exitCode, final Duration duration,
            final OutputCollector collector, final CopyBack.Result copied, final String message,
            final boolean interrupted) {
        return finish(state, exitCode, duration, collector, copied, message, interrupted, true);
    }

    private TrainingResult finish(final TrialState state, final int exitCode, final Duration duration,
            final OutputCollector collector, final CopyBack.Result copied, final String message,
            final boolean interrupted, final boolean outputComplete) {
        if (message != null) {
            log.error("Trial %d %s: %s", request.trialNumber(), state, message);
        }
        else {
            log.info("Trial %d %s in %d s", request.trialNumber(), state, duration.toSeconds());
        }
        if (interrupted) {
            // Keep the interrupt for the caller (Jenkins' abort) after the container is gone.
            Thread.currentThread().interrupt();
        }
        return new TrainingResult(state, exitCode, duration, image.id(), image.repoDigests(),
                collector == null ? List.of() : collector.metricLines(),
                collector == null ? List.of() : collector.lastLines(), outputComplete, copied.copied(),
                copied.notCopied(), message);
    }

    private void kill(final String id) {
        try {
            control.killContainerCmd(id).exec();
        }
        catch (DockerException e) {
            // already stopped: the removal that follows is all that is left to do
        }
    }

    /**
     * Removes the container and its workspace volume (or its layer, for a study's trial), when made; runs with the
     * interrupt flag cleared.
     */
    void remove(final String id) {
        boolean interrupted = Thread.interrupted();
        try {
            if (id != null) {
                control.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            }
        }
        catch (NotFoundException e) {
            // already gone
        }
        catch (RuntimeException e) {
            log.error("Could not remove container %s of trial %d (%s); `mlops train --sweep` or "
                    + "`docker rm -fv %s` removes it.", shortId(id), request.trialNumber(), e.getMessage(),
                    shortId(id));
        }
        try {
            transfer.remove();
        }
        catch (RuntimeException e) {
            log.error("Could not remove the layer of trial %d (%s); `mlops train --sweep` removes it.",
                    request.trialNumber(), e.getMessage());
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String shortId(final String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.substring(0, Math.min(12, hex.length()));
    }
}
