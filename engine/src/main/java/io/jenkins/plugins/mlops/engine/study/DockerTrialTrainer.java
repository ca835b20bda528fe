package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.DatasetSource;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.SharedWorkspace;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingRequest;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains trials in containers: the configuration's limits, and a share of the CPUs when trials share one Docker host.
 * The workspace is copied once, at the first trial, into a volume all trials share; each trial's container gets its
 * own files in its own layer over it. {@link #close()} removes the volume.
 */
final class DockerTrialTrainer implements TrialTrainer {
    private final ContainerTrainer trainer;
    private final MlopsConfig config;
    private final Path workspace;
    private final String image;
    private final String chainId;
    private final TrainingOutput output;
    private final int sharedBy;
    private SharedWorkspace shared;
    private boolean sharing;
    private RunLog sharedLog;

    /** A trainer whose trials share the host {@code sharedBy} at a time. */
    DockerTrialTrainer(final ContainerTrainer trainer, final MlopsConfig config, final Path workspace,
            final String image, final String chainId, final TrainingOutput output, final int sharedBy) {
        this.trainer = trainer;
        this.config = config;
        this.workspace = workspace;
        this.image = image;
        this.chainId = chainId;
        this.output = output;
        this.sharedBy = sharedBy;
    }

    @Override
    public Outcome train(final TrialPlan plan, final RunLog log) {
        MlopsConfig.TrainSettings settings = config.train();
        TrainingRequest.Builder request = TrainingRequest.builder(plan.workDir(), image, plan.entry())
                .params(plan.params())
                .trial(chainId, plan.number())
                .timeout(settings.timeout())
                .limits(TrainingRequest.Limits.DEFAULT.withMemoryBytes(settings.memoryBytes()).withCpus(cpuShare()))
                .network(settings.network())
                .gpus(settings.gpus())
                .artifacts(settings.artifacts())
                .metricFiles(List.of("metrics.json", config.metricFile()));
        if (settings.dataset() != null) {
            request.dataset(DatasetSource.of(workspace, settings.dataset()), settings.datasetMount());
        }
        log.info("Trial %d: training %s in %s", plan.number(), plan.entry(), image);
        try {
            request.shared(shared(log));
        }
        catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return new Outcome(TrialState.CANCELLED, 0, null, List.of(), "The trial was cancelled (aborted) "
                        + "before its training started.");
            }
            throw e;
        }
        TrainingResult result = trainer.train(request.build(), output, log);
        return new Outcome(result.state(), result.duration().toMillis(), result.imageDigest(), MetricLinesFile.of(result),
                result.message());
    }

    /**
     * The study's shared copy of the workspace, made by the first trial (parallel ones wait for it); without a volume
     * when the daemon cannot mount the trials' layers over it (then each trial gets a full copy).
     */
    private synchronized SharedWorkspace shared(final RunLog log) {
        if (!sharing) {
            shared = trainer.share(workspace, image, null, chainId, log);
            sharedLog = log;
            sharing = true;
        }
        return shared;
    }

    @Override
    public synchronized void close() {
        if (shared != null) {
            trainer.unshare(shared, sharedLog);
            shared = null;
        }
    }

    /** Parallel trials share the machine: each gets its part of the configured (or all) cores. */
    private double cpuShare() {
        double cpus = config.train().cpus() > 0 ? config.train().cpus() : Runtime.getRuntime().availableProcessors();
        return sharedBy > 1 ? cpus / sharedBy : config.train().cpus();
    }
}
