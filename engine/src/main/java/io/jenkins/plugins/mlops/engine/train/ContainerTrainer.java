package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Runs one training (one trial's container) in a fresh container: the workspace goes in as a tar (so a remote
 * Docker host works), the output streams back line by line, and the metric files and model artifacts come back into
 * the workspace. The container is always removed with its volume, also on timeout and on cancellation (a thread
 * interrupt, which is how Jenkins aborts a build); {@link #sweepOrphans(String)} removes what a crashed chain left
 * behind.
 */
public final class ContainerTrainer implements AutoCloseable {
    /** Control calls (create, inspect, remove) fail when the daemon is silent this long. */
    private static final Duration CONTROL_TIMEOUT = Duration.ofMinutes(2);

    private final DockerClientFactory factory;
    private final DockerClient control;
    private final DockerClient streams;
    private final SandboxPolicy policy;
    private final SharedVolumes volumes;

    /** A trainer with the default {@link SandboxPolicy}; fails within 5 s when the daemon does not answer. */
    public ContainerTrainer(final DockerClientFactory factory) {
        this(factory, SandboxPolicy.DEFAULT);
    }

    /** A trainer for the daemon of {@code factory} under the operator's {@code policy}. */
    public ContainerTrainer(final DockerClientFactory factory, final SandboxPolicy policy) {
        factory.checkDaemon();
        this.factory = factory;
        this.policy = policy;
        this.control = factory.open(CONTROL_TIMEOUT);
        // Log streams and waits stay silent while a script computes, for hours: no response timeout there.
        this.streams = factory.open(Duration.ZERO);
        this.volumes = new SharedVolumes(control, streams);
    }

    /** This trainer, sharing studies' workspaces as on a daemon that cannot mount the trials' layers. */
    ContainerTrainer withoutLayers() {
        volumes.withoutLayers();
        return this;
    }

    /**
     * A trainer for the daemon that DOCKER_HOST (or the local socket) names, under the policy of the environment
     * ({@link SandboxPolicy#fromEnvironment}).
     */
    public static ContainerTrainer fromEnvironment() {
        SandboxPolicy policy = SandboxPolicy.fromEnvironment(System.getenv());
        return new ContainerTrainer(DockerClientFactory.fromEnvironment(), policy);
    }

    /**
     * Trains once. A script that fails, runs out of memory, times out or is cancelled gives a result (with the
     * state and a message), not an exception; when the thread was interrupted the interrupt flag is set again.
     *
     * @throws MlopsException input (missing dataset or image, bad settings) or infrastructure (Docker) problems
     */
    public TrainingResult train(final TrainingRequest request, final TrainingOutput output, final RunLog log) {
        ContainerSpec.checkDataset(request);
        TrainerImage image;
        boolean root;
        int[] ids;
        try {
            image = call(() -> TrainerImage.ensure(streams, request, log));
            Map<String, String> labels = new ContainerSpec(request, image).labels();
            root = !policy.allowRoot() && call(() -> EffectiveUser.isRoot(control, image, labels));
            String user = ContainerSpec.userOf(image, root);
            ids = call(() -> EffectiveUser.ids(control, image, user, labels));
        }
        catch (MlopsException e) {
            if (interruptedBy(e)) {
                return cancelledBeforeImage(request, log);
            }
            throw e;
        }
        ContainerSpec spec = new ContainerSpec(request, image, root);
        ContainerRun attempt = new ContainerRun(control, streams, request, spec, image, ids, policy, log);
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
            attempt.remove(id);
        }
    }

    /**
     * Copies {@code workspace} once into a volume that the trials of chain {@code chainId} share, each through its
     * own layer (see {@link SharedWorkspace}); a missing {@code image} is built first, as for a training. The caller
     * removes it with {@link #unshare} when the study ends, however it ends. When the daemon cannot mount
     * the trials' layers (said in the log) it has no volume: then each trial gets a full copy, as a single training
     * does.
     *
     * @throws MlopsException input (an unreadable workspace, a missing image) or infrastructure (Docker) problems
     */
    public SharedWorkspace share(final Path workspace, final String image, final Path dockerfileDir,
            final String chainId, final RunLog log) {
        TrainerImage trainerImage = call(() -> TrainerImage.ensure(streams, image, dockerfileDir, log));
        Map<String, String> labels = Map.of(ContainerSpec.CHAIN_LABEL, chainId, ContainerSpec.TRIAL_LABEL, "0");
        boolean root = !policy.allowRoot() && call(() -> EffectiveUser.isRoot(control, trainerImage, labels));
        String user = ContainerSpec.userOf(trainerImage, root);
        int[] ids = call(() -> EffectiveUser.ids(control, trainerImage, user, labels));
        return call(() -> volumes.create(workspace, trainerImage, user, ids, chainId, log));
    }

    /** Removes the volume of {@code shared}, also when the thread was interrupted (an abort); failures are logged. */
    public void unshare(final SharedWorkspace shared, final RunLog log) {
        if (shared.layered()) {
            volumes.remove(shared.volume(), log);
        }
    }

    /** Removes every container (and its volumes) and every shared volume of chain {@code chainId}; returns how many. */
    public int sweepOrphans(final String chainId) {
        int containers = removeAll(call(() -> control.listContainersCmd().withShowAll(true)
                .withLabelFilter(java.util.Map.of(ContainerSpec.CHAIN_LABEL, chainId)).exec()));
        return containers + call(() -> volumes.removeAll(chainId));
    }

    /**
     * Removes every training container and shared volume of any chain created more than {@code age} ago; returns how
     * many.
     */
    public int sweepOrphansOlderThan(final Duration age) {
        long cutoff = Instant.now().minus(age).getEpochSecond();
        int containers = removeAll(call(() -> control.listContainersCmd().withShowAll(true)
                .withLabelFilter(List.of(ContainerSpec.CHAIN_LABEL)).exec()).stream()
                .filter(container -> container.getCreated() != null && container.getCreated() < cutoff)
                .toList());
        return containers + call(() -> volumes.removeOlderThan(cutoff));
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
    /** An abort (a thread interrupt) while a Docker call waited: the flag, or the I/O error it became. */
    private static boolean interruptedBy(final Throwable failure) {
        if (Thread.currentThread().isInterrupted()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.InterruptedIOException || cause instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    /** The trial was aborted while its image was checked or built: CANCELLED, with the interrupt kept. */
    private static TrainingResult cancelledBeforeImage(final TrainingRequest request, final RunLog log) {
        String message = "The trial was cancelled (aborted) before its training started.";
        log.error("Trial %d %s: %s", request.trialNumber(), TrialState.CANCELLED, message);
        Thread.currentThread().interrupt();
        return TrainingResult.cancelled(message);
    }

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
}
