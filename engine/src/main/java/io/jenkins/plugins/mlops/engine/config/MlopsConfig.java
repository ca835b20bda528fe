package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.SamplerName;
import io.jenkins.plugins.mlops.engine.model.Strategy;
import io.jenkins.plugins.mlops.engine.model.ToolImages;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.PrintableText;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The validated configuration of a chain: the model repository's {@code mlops.yml}, overridden by a config file given
 * with {@code --config}, overridden by command-line options (or Jenkins step fields). Secrets are never part of it:
 * they come from the environment (CLI) or Jenkins credentials (plugin). Built by {@link ConfigLoader}.
 *
 * @param entry         the training entry point, or {@code null} to detect it
 * @param image         the trainer image, or {@code null} for the framework's default
 * @param trainerImages the operator's trainer image per framework, over the tool's own, for when {@code image} is
 *                      not set
 * @param allowedImages the operator's allow-list of images a repository may name ({@code *} matches anything), which
 *                      also guards an image recorded in run.json ({@link #checkedRecordedImage})
 * @param objective     metric, target and direction
 * @param metricFile    the metric text file the gate reads besides metrics.json
 * @param study         how the study searches toward the objective: mode, strategy, sampler, budget
 * @param train         container settings
 * @param mail          mail settings that are not secrets
 * @param publish       where the winning model goes
 * @param git           who commits for the tool
 * @param origins       where each set key came from ({@link #origin(String)})
 */
public record MlopsConfig(String entry, String image, Map<Framework, String> trainerImages, List<String> allowedImages,
        Objective objective,
        String metricFile, StudySettings study, TrainSettings train, NotifySettings mail, PublishSettings publish,
        GitSettings git, Map<String, ConfigOrigin> origins) implements Serializable {
    private static final long serialVersionUID = 1L;

    public MlopsConfig {
        trainerImages = trainerImages == null ? Map.of() : Map.copyOf(trainerImages);
        allowedImages = allowedImages == null ? OperatorPolicy.DEFAULT_IMAGES : List.copyOf(allowedImages);
        origins = origins == null ? Map.of() : Map.copyOf(origins);
    }

    /** Where the value of {@code key} (a dotted mlops.yml key) came from; {@code BUILT_IN} when nobody set it. */
    public ConfigOrigin origin(final String key) {
        return origins.getOrDefault(key, ConfigOrigin.BUILT_IN);
    }

    /**
     * {@code image}, taken from recorded state ({@code recordedIn}: run.json's detection, a study's trial), when it may
     * be trained: the image this configuration names, an operator's trainer image, one of the tool's own, or one the
     * operator's allow-list allows. run.json lies in the workspace, where a repository can plant one, so its image is
     * checked like the {@code image} of mlops.yml, each time it is used.
     *
     * @return {@code image} ({@code null} stays {@code null})
     * @throws io.jenkins.plugins.mlops.engine.util.MlopsException (input) for any other image
     */
    public String checkedRecordedImage(final String image, final Object recordedIn) {
        if (image == null || image.equals(this.image) || trainerImages.containsValue(image)
                || ToolImages.images().contains(image) || OperatorPolicy.allows(allowedImages, image)) {
            return image;
        }
        throw MlopsException.input("The trainer image '" + PrintableText.of(image) + "' recorded in " + recordedIn
                + " is outside the operator's allow-list " + allowedImages + " (MLOPS_ALLOWED_IMAGES, or the Jenkins "
                + "global configuration). Delete " + recordedIn + " and detect again, or name the image as the "
                + "operator (--image); remove .mlops from the repository if it tracks it.");
    }

    /** The metric's direction. */
    public Direction direction() {
        return objective.direction();
    }

    /**
     * How a study searches: the trials, how each is tweaked, and when it stops.
     *
     * @param mode        all trials in one build or one {@code mlops run}, or one trial per commit
     * @param strategy    how to tweak between trials
     * @param sampler     which sampler picks parameters from the search space
     * @param seed        the seed of samplers and rewrites, for reproducible studies
     * @param parallel    trials at once in search-space mode
     * @param budget      when the study stops trying
     * @param searchSpace the {@code search_space} section as parsed YAML (validated by the tune stage)
     */
    public record StudySettings(Mode mode, Strategy strategy, SamplerName sampler, long seed, int parallel,
            Budget budget, Map<String, Object> searchSpace) implements Serializable {
        private static final long serialVersionUID = 1L;

        public StudySettings {
            searchSpace = searchSpace == null ? Map.of() : Map.copyOf(searchSpace);
        }

        /** Whether the repository declares a search space. */
        public boolean hasSearchSpace() {
            return !searchSpace.isEmpty();
        }
    }

    /**
     * When a study stops trying (besides meeting the target).
     *
     * @param maxTrials       the most trials a study runs (≥ 1)
     * @param maxFailedTrials the most failed trials before the study stops (≥ 1)
     * @param time            the wall time after which no new trial starts, or {@code null}
     * @param patience        the plateau rule: stop after this many finished trials without improvement (0 = off)
     * @param minDelta        the smallest improvement that counts for the plateau rule
     */
    public record Budget(int maxTrials, int maxFailedTrials, Duration time, int patience, double minDelta)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Container settings of training.
     *
     * @param timeout      per trial (default 2 h)
     * @param memoryBytes  memory limit, swap off (default 4 GiB)
     * @param cpus         CPU limit, 0 = all cores
     * @param network      {@code none} (default) or {@code bridge}
     * @param gpus         whether to request GPUs
     * @param dataset      a dataset directory mounted read-only, or {@code null}
     * @param datasetMount where the dataset appears in the container (default /data)
     * @param artifacts    globs of model files copied back and published
     */
    public record TrainSettings(Duration timeout, long memoryBytes, double cpus, String network, boolean gpus,
            String dataset, String datasetMount, List<String> artifacts) implements Serializable {
        private static final long serialVersionUID = 1L;

        public TrainSettings {
            artifacts = List.copyOf(artifacts);
        }
    }

    /**
     * Mail settings that are not secrets (SMTP server and password come from the environment or credentials).
     *
     * @param to            recipients
     * @param from          sender, or {@code null} for the environment's
     * @param subject       subject template
     * @param includeAuthor whether the author of the trained commit gets the mail too
     */
    public record NotifySettings(List<String> to, String from, String subject, boolean includeAuthor)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public NotifySettings {
            to = List.copyOf(to);
        }
    }

    /**
     * Where the winning model goes.
     *
     * @param enabled whether to publish after a passing study
     * @param branch  the branch (default {@code mlops/models})
     * @param remote  the remote URL, or {@code null} for the workspace's origin
     * @param sizeLimitBytes the largest file that may be committed
     */
    public record PublishSettings(boolean enabled, String branch, String remote, long sizeLimitBytes)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Who commits for the tool (via-git tweaks, published models).
     *
     * @param committerName  the committer's name, or {@code null} for the tool's default
     * @param committerEmail the committer's e-mail, or {@code null} for the tool's default
     */
    public record GitSettings(String committerName, String committerEmail) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
