package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.detect.ModelTypeDetector;
import io.jenkins.plugins.mlops.engine.detect.ModelTypeRegistry;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.Steps;
import io.jenkins.plugins.mlops.engine.source.TrackedState;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The detect step ({@code mlopsDetect}, the chain's second step): the model type and the trainer image, an image from
 * the configuration winning, recorded in run.json. A framework nobody recognises is an input error naming the fix.
 */
public final class Detecting {
    private final Clock clock;

    /** A detect step on the system clock. */
    public Detecting() {
        this(Clock.systemUTC());
    }

    Detecting(final Clock clock) {
        this.clock = clock;
    }

    /**
     * The detection in run.json, or, when nothing was detected yet, a detection made now (and recorded), saying so:
     * {@code mlops train} and {@code mlops tweak} then work in a folder that holds only a training script. The
     * Jenkins freestyle chain still has detect as a builder of its own, so there it has already run.
     *
     * @param step the step that needs the detection, for the message
     */
    Detection detectedOrDetect(final Path workspace, final MlopsConfig config, final String step,
            final RunLog log) {
        TrackedState.refuse(workspace);
        ChainStateStore store = new ChainStateStore(workspace);
        Optional<Detection> recorded = store.load().map(ChainState::detection);
        if (recorded.isPresent()) {
            config.checkedRecordedImage(recorded.get().image(), store.file());
            return recorded.get();
        }
        log.info("Nothing was detected yet in %s: detecting the model type before %s (as mlops detect does)",
                new ChainStateStore(workspace).file(), step);
        return detect(workspace, config, log);
    }

    /** Detects the model type of {@code workspace} and records it; one without a trainer image is an input error. */
    public Detection detect(final Path workspace, final MlopsConfig config, final RunLog log) {
        return detect(workspace, workspace, config, log);
    }

    /**
     * Detects the model type of {@code target} ({@code mlops detect PATH}) and records it in run.json when target is
     * the workspace or a file in it (a file is then the entry). A directory elsewhere is detected as a repository of
     * its own, without a record.
     *
     * @param target the workspace, another directory, or one {@code .py}/{@code .ipynb} file
     * @throws Untrainable when no trainer image fits: neither a known framework nor {@code image:} in mlops.yml
     */
    public Detection detect(final Path workspace, final Path target, final MlopsConfig config, final RunLog log) {
        Path root = workspace.toAbsolutePath().normalize();
        Path path = target.toAbsolutePath().normalize();
        boolean fileInWorkspace = path.startsWith(root) && Files.isRegularFile(path);
        if (path.equals(root) || fileInWorkspace) {
            TrackedState.refuse(root);
        }
        Optional<ChainStateStore> store = path.equals(root) || fileInWorkspace ? Optional.of(new ChainStateStore(root))
                : Optional.empty();
        Instant started = clock.instant();
        try {
            ModelTypeDetector detector = new ModelTypeDetector(new ModelTypeRegistry(config.trainerImages()));
            Detection found = fileInWorkspace
                    ? detector.detect(root, root.relativize(path).toString(), log)
                    : detector.detect(path, path.equals(root) ? config.entry() : entryOfRepository(path), log);
            String image = config.image() != null ? config.image() : found.image();
            Detection detection = new Detection(found.entry(), found.type(), image, found.confidence(),
                    found.partial(), found.evidence());
            if (image == null || image.isBlank()) {
                throw new Untrainable(detection);
            }
            log.info("Detected %s in %s: image %s", detection.type(), detection.entry(), image);
            store.ifPresent(s -> s.save(Steps.record(s.loadOrStart().withDetection(detection), Step.DETECT,
                    StepState.SUCCESS, started, clock.millis() - started.toEpochMilli(),
                    detection.type() + " · " + detection.entry())));
            return detection;
        }
        catch (MlopsException e) {
            store.ifPresent(s -> s.save(Steps.record(s.loadOrStart(), Step.DETECT, StepState.FAILED, started,
                    clock.millis() - started.toEpochMilli(), e.getMessage())));
            throw e;
        }
    }

    /**
     * The {@code entry:} of another repository's mlops.yml, read by the config loader with its size and YAML limits
     * (a repository is not trusted, wherever it lies); {@code null} when it names none.
     */
    private static String entryOfRepository(final Path directory) {
        return Files.isDirectory(directory) ? ConfigLoader.load(directory).entry() : null;
    }

    /** No trainer image fits the code: an input error that still carries what was found, evidence included. */
    public static final class Untrainable extends MlopsException {
        private static final long serialVersionUID = 1L;

        private final Detection detection;

        Untrainable(final Detection detection) {
            super(Kind.INPUT, "Cannot tell which framework " + detection.entry() + " uses (looked for keras, "
                    + "tensorflow, torch, sklearn and xgboost in its code). Set `image:` in mlops.yml to train it in "
                    + "an image of your choice.");
            this.detection = detection;
        }

        /** What was found. */
        public Detection detection() {
            return detection;
        }
    }
}
