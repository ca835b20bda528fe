package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.WaitContainerResultCallback;
import com.github.dockerjava.api.exception.BadRequestException;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.WaitResponse;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one training attempt in a fresh container: the workspace goes in as a tar (so a remote Docker host works),
 * the output streams back line by line, and the metric files and model artifacts come back into the workspace. The
 * container is always removed with its volume, also on timeout and on cancellation (a thread interrupt, which is
 * how Jenkins aborts a build); {@link #sweepOrphans(String)} removes what a crashed run left behind.
 */
public final class ContainerTrainer implements AutoCloseable {
    /** How many output lines the result keeps for its message. */
    static final int LAST_LINES = 30;
    /** Control calls (create, inspect, remove) fail when the daemon is silent this long. */
    private static final Duration CONTROL_TIMEOUT = Duration.ofMinutes(2);
    /** After the container ended, its log stream gets this long to deliver the last lines. */
    private static final long DRAIN_SECONDS = 10;

    private final DockerClientFactory factory;
    private final DockerClient control;
    private final DockerClient streams;

    /** A trainer for the daemon of {@code factory}; fails within 5 s when that daemon does not answer. */
    public ContainerTrainer(final DockerClientFactory factory) {
        factory.checkDaemon();
        this.factory = factory;
        this.control = factory.open(CONTROL_TIMEOUT);
        // Log streams and waits stay silent while a script computes, for hours: no response timeout there.
        this.streams = factory.open(Duration.ZERO);
    }

    /** A trainer for the daemon that DOCKER_HOST (or the local socket) names. */
    public static ContainerTrainer fromEnvironment() {
        return new ContainerTrainer(DockerClientFactory.fromEnvironment());
    }

    /**
     * Trains once. A script that fails, runs out of memory, times out or is cancelled gives a result (with the
     * state and a message), not an exception; when the thread was interrupted the interrupt flag is set again.
     *
     * @throws MlopsException input (missing dataset or image, bad settings) or infrastructure (Docker) problems
     */
    public TrainingResult train(final TrainingRequest request, final TrainingOutput output, final RunLog log) {
        ContainerSpec.checkDataset(request);
        TrainerImage image = call(() -> TrainerImage.ensure(streams, request, log));
        ContainerSpec spec = new ContainerSpec(request, image);
        Attempt attempt = new Attempt(control, streams, request, spec, image, log);
        String id = null;
        try {
            id = attempt.create();
            return attempt.run(id, output);
        }
        catch (DockerException | DockerClientException e) {
            if (Thread.currentThread().isInterrupted()) {
                return attempt.cancelledBeforeStart();
            }
            throw MlopsException.infrastructure("Docker failed while training trial " + request.trialNumber()
                    + ": " + DockerClientFactory.rootMessage(e) + ". Check the daemon (`docker info`) and "
                    + "its free disk space.", e);
        }
        catch (MlopsException e) {
            throw e;
        }
        catch (RuntimeException e) {
            // An interrupt during a Docker call surfaces as a failed connection lease: it is a cancel.
            if (Thread.currentThread().isInterrupted()) {
                return attempt.cancelledBeforeStart();
            }
            throw factory.unreachable(e);
        }
        finally {
            if (id != null) {
                attempt.remove(id);
            }
        }
    }

    /** Removes every container (and its volumes) of run {@code runId}; returns how many. */
    public int sweepOrphans(final String runId) {
        return removeAll(call(() -> control.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(ContainerSpec.RUN_LABEL, runId)).exec()));
    }

    /** Removes every training container of any run created more than {@code age} ago; returns how many. */
    public int sweepOrphansOlderThan(final Duration age) {
        long cutoff = Instant.now().minus(age).getEpochSecond();
        return removeAll(call(() -> control.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ContainerSpec.RUN_LABEL)).exec()).stream()
                .filter(container -> container.getCreated() != null && container.getCreated() < cutoff)
                .toList());
    }

    private int removeAll(final List<Container> containers) {
        int removed = 0;
        for (Container container : containers) {
            try {
                control.removeContainerCmd(container.getId()).withForce(true).withRemoveVolumes(true).exec();
                removed++;
            }
            catch (NotFoundException e) {
                // removed meanwhile (by its own trainer): nothing left to sweep
            }
        }
        return removed;
    }

    /** Runs a Docker call, turning transport failures (daemon gone) into a clear infrastructure error. */
    private <T> T call(final java.util.function.Supplier<T> dockerCall) {
        try {
            return dockerCall.get();
        }
        catch (MlopsException | DockerException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw factory.unreachable(e);
        }
    }

    @Override
    public void close() {
        try {
            control.close();
            streams.close();
        }
        catch (IOException e) {
            // closing idle connections cannot lose anything; there is nobody to tell
        }
    }

    /** One container's life: create, copy in, start, follow, wait, copy out. */
    private static final class Attempt {
        private final DockerClient control;
        private final DockerClient streams;
        private final TrainingRequest request;
        private final ContainerSpec spec;
        private final TrainerImage image;
        private final RunLog log;
        private final WorkspaceTransfer transfer;

        Attempt(final DockerClient control, final DockerClient streams, final TrainingRequest request,
                final ContainerSpec spec, final TrainerImage image, final RunLog log) {
            this.control = control;
            this.streams = streams;
            this.request = request;
            this.spec = spec;
            this.image = image;
            this.log = log;
            this.transfer = new WorkspaceTransfer(streams, request, spec);
        }

        String create() {
            try {
                return control.createContainerCmd(image.id())
                        .withCmd(request.command())
                        .withWorkingDir(ContainerSpec.WORKSPACE)
                        .withUser(spec.user())
                        .withEnv(spec.env())
                        .withLabels(spec.labels())
                        .withVolumes(spec.volumes())
                        .withNetworkDisabled(spec.networkDisabled())
                        .withHostConfig(spec.hostConfig())
                        .exec().getId();
            }
            catch (BadRequestException e) {
                throw MlopsException.input("Docker refused the container settings of trial "
                        + request.trialNumber() + ": " + DockerClientFactory.rootMessage(e)
                        + ". Fix the limits (memory, cpus), network or dataset settings.");
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
                    return finish(TrialState.TIMED_OUT, -1, Duration.between(started, Instant.now()), collector,
                            List.of(), "The training did not end within its timeout of " + request.timeout()
                                    + " and was killed. Raise the timeout or train less (fewer epochs, less data).",
                            false);
                }
                int exitCode = waiting.awaitStatusCode();
                Duration duration = Duration.between(started, Instant.now());
                collector.awaitCompletion(DRAIN_SECONDS, TimeUnit.SECONDS);
                List<String> artifacts = transfer.copyOut(id, log);
                if (exitCode == 0) {
                    return finish(TrialState.COMPLETE, 0, duration, collector, artifacts, null, false);
                }
                return finish(TrialState.FAILED, exitCode, duration, collector, artifacts,
                        failureMessage(id, exitCode, collector), false);
            }
            catch (InterruptedException e) {
                kill(id);
                return finish(TrialState.CANCELLED, -1, Duration.between(started, Instant.now()), collector,
                        List.of(), "The trial was cancelled (aborted) while it trained; its container was removed.",
                        true);
            }
            catch (IOException e) {
                throw MlopsException.infrastructure("Lost the connection to the container of trial "
                        + request.trialNumber() + ": " + e.getMessage() + ". Check the Docker daemon.", e);
            }
        }

        TrainingResult cancelledBeforeStart() {
            Thread.interrupted();
            return finish(TrialState.CANCELLED, -1, Duration.ZERO, null, List.of(), "The trial was cancelled "
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
                final OutputCollector collector, final List<String> artifacts, final String message,
                final boolean interrupted) {
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
                    collector == null ? List.of() : collector.lastLines(), artifacts, message);
        }

        private void kill(final String id) {
            try {
                control.killContainerCmd(id).exec();
            }
            catch (DockerException e) {
                // already stopped: the removal that follows is all that is left to do
            }
        }

        /** Removes the container and its workspace volume; runs with the interrupt flag cleared. */
        void remove(final String id) {
            boolean interrupted = Thread.interrupted();
            try {
                control.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
            }
            catch (NotFoundException e) {
                // already gone
            }
            catch (RuntimeException e) {
                log.error("Could not remove container %s of trial %d (%s); `mlops train --sweep` or "
                        + "`docker rm -fv %s` removes it.", shortId(id), request.trialNumber(), e.getMessage(), shortId(id));
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
}
