package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.gate.GateSpec;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelLocation;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains one asked trial on this machine's Docker daemon, over a fresh checkout of the model repository (its own
 * work directory holds its entry and what came back), and judges it: the worker half of ask-and-tell. Only the {@link TrialSpec} comes in and only the
 * {@link TrialReport} goes out; the model files stay in the trial's work directory, which the report names.
 */
public final class TrialWorker {
    private final ContainerTrainer trainer;

    /** A worker that trains with {@code trainer} (its Docker host). */
    public TrialWorker(final ContainerTrainer trainer) {
        this.trainer = trainer;
    }

    /**
     * Trains {@code spec} in a copy of {@code checkout}; a failing script is a FAILED report, an unreachable Docker
     * daemon an exception (the trial then fails when its lease expires).
     *
     * @param spec     the asked trial
     * @param checkout a checkout of the model repository (its mlops.yml gave {@code config})
     * @param config   the configuration: limits, metric, artifacts
     * @param worker   this machine's name for the model location, or {@code null}
     */
    public TrialReport train(final TrialSpec spec, final Path checkout, final MlopsConfig config, final String worker,
            final TrainingOutput output, final RunLog log) {
        Path workspace = checkout.toAbsolutePath().normalize();
        TrackedState.refuse(workspace);
        // The spec's image comes from the study's run.json (via ask), which a repository could have planted.
        String image = spec.image() != null ? config.checkedRecordedImage(spec.image(), "the trial's spec")
                : config.image();
        if (image == null) {
            throw MlopsException.input("Trial " + spec.number() + " names no trainer image: set `image:` in "
                    + "mlops.yml, or run 'mlops detect' in the study's workspace before asking.");
        }
        Path workDir = new TrialWorkspaces(workspace).prepare(spec.number(), spec.entry(), null);
        if (spec.source() != null) {
            write(workDir.resolve(spec.entry()), spec.source());
        }
        // The trial's record, edit included, is the home's (made when it was asked); the worker only trains it.
        TrialPlan plan = new TrialPlan(spec.number(), workDir, spec.entry(), spec.params(), spec.diff(),
                spec.change(), null);
        TrialTrainer.Outcome outcome;
        try (TrialTrainer trials = new DockerTrialTrainer(trainer, config, workspace, image, spec.chainId(), output,
                1)) {
            outcome = trials.train(plan, log);
        }
        GateResult gate = outcome.state() == TrialState.COMPLETE
                ? new GateJudge(new GateSpec(config.objective(), config.metricFile()))
                        .judge(workDir, outcome.metricLines(), log)
                : null;
        List<String> files = new ArrayList<>();
        files.add(spec.entry());
        ModelFiles.matching(workDir, config.train().artifacts()).stream().filter(f -> !f.equals(spec.entry()))
                .forEach(files::add);
        TrialReport report = StudyRecords.report(new TrialBatch.Result(plan, outcome, gate),
                new ModelLocation(worker, workDir.toString(), files));
        log.info("Trial %d trained on %s: %s%s", spec.number(), worker == null ? "this machine" : worker,
                report.state(), report.metric() == null ? "" : ", metric " + report.metric());
        return report;
    }

    private static void write(final Path file, final String content) {
        try {
            AtomicFiles.writeString(file, content);
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot write the trial's entry " + file + ": " + e.getMessage());
        }
    }
}
