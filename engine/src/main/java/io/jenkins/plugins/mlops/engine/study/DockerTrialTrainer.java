package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.DatasetSource;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingRequest;
import io.jenkins.plugins.mlops.engine.train.TrainingResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;

/**
 * Trains trials in containers: the configuration's limits, and a share of the CPUs when trials share one Docker host.
 */
final class DockerTrialTrainer implements TrialTrainer {
    private final ContainerTrainer trainer;
    private final MlopsConfig config;
    private final Path workspace;
    private final String image;
    private final String runId;
    private final TrainingOutput output;
    private final int sharedBy;

    /** A trainer whose trials share the host {@code sharedBy} at a time. */
    DockerTrialTrainer(final ContainerTrainer trainer, final MlopsConfig config, final Path workspace,
            final String image, final String runId, final TrainingOutput output, final int sharedBy) {
        this.trainer = trainer;
        this.config = config;
        this.workspace = workspace;
        this.image = image;
        this.runId = runId;
        this.output = output;
        this.sharedBy = sharedBy;
    }

    @Override
    public Outcome train(final TrialPlan plan, final RunLog log) {
        MlopsConfig.TrainSettings settings = config.train();
        TrainingRequest.Builder request = TrainingRequest.builder(plan.workDir(), image, plan.entry())
                .params(plan.params())
                .run(runId, plan.number())
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
        TrainingResult result = trainer.train(request.build(), output, log);
        return new Outcome(result.state(), result.duration().toMillis(), result.imageDigest(), MetricLinesFile.of(result),
                result.message());
    }

    /** Parallel trials share the machine: each gets its part of the configured (or all) cores. */
    private double cpuShare() {
        double cpus = config.train().cpus() > 0 ? config.train().cpus() : Runtime.getRuntime().availableProcessors();
        return sharedBy > 1 ? cpus / sharedBy : config.train().cpus();
    }
}
