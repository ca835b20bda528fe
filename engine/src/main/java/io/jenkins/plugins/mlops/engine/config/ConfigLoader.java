package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Mode;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.model.SamplerName;
import io.jenkins.plugins.mlops.engine.model.Strategy;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the {@link MlopsConfig} of a chain from layers, each overriding the one before: the built-in defaults (here,
 * and only here), the operator's defaults ({@link OperatorPolicy#defaults()}), the model repository's
 * {@code mlops.yml}, a config file the operator named ({@code --config}), and the options the user set (command line
 * or Jenkins step fields, {@link Overrides}). Unknown keys, wrong types and impossible values are rejected before
 * anything runs, naming the key, where it came from and the fix; so are values of the untrusted repository that
 * the operator's policy does not allow ({@link RepositoryChecks}).
 */
public final class ConfigLoader {
    /** The configuration file in the model repository. */
    public static final String REPO_FILE = "mlops.yml";
    /** The largest configuration file read: a config is a page of keys, not a payload. */
    static final int MAX_FILE_BYTES = 64 * 1024;

    /** The known keys; sections are flattened with dots. {@code search_space} is kept whole for the tune stage. */
    static final Set<String> KEYS = new TreeSet<>(List.of("entry", "image", "metric", "target", "direction",
            "metric_file", "max_trials", "max_failed_trials", "time_budget", "mode", "strategy", "sampler", "seed",
            "parallel", "plateau.patience", "plateau.min_delta", "search_space", "train.timeout", "train.memory",
            "train.cpus", "train.network", "train.gpus", "train.dataset", "train.dataset_mount", "train.artifacts",
            "notify.to", "notify.from", "notify.subject", "notify.include_author", "publish.enabled",
            "publish.branch", "publish.remote", "publish.size_limit", "git.committer_name", "git.committer_email"));
    private static final String SEARCH_SPACE = "search_space";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final Map<String, ConfigOrigin> origins = new LinkedHashMap<>();

    /**
     * The configuration of {@code workspace}: the operator's defaults, its mlops.yml, then {@code configFile}
     * (nullable), then {@code options}; the repository's values checked against {@code operator}.
     */
    public static MlopsConfig load(final Path workspace, final Path configFile, final Overrides options,
            final OperatorPolicy operator) {
        ConfigLoader loader = new ConfigLoader();
        loader.addLayer(operator.defaults().layer(), "operator default", ConfigOrigin.OPERATOR);
        Path repoFile = workspace.resolve(REPO_FILE);
        if (Files.isRegularFile(repoFile)) {
            loader.addFile(repoFile, ConfigOrigin.REPOSITORY);
        }
        if (configFile != null) {
            if (!Files.isRegularFile(configFile)) {
                throw MlopsException.input("The config file " + configFile + " does not exist; check the path given "
                        + "with --config.");
            }
            loader.addFile(configFile, ConfigOrigin.CONFIG_FILE);
        }
        loader.addLayer(options.layer(), "option", ConfigOrigin.OPTION);
        MlopsConfig config = loader.build(operator);
        new RepositoryChecks(operator, new ConfigValues(loader.values, loader.labels)).check(workspace, config);
        return config;
    }

    /** Only the repository's mlops.yml under the strict policy, for steps that need no options. */
    public static MlopsConfig load(final Path workspace) {
        return load(workspace, null, Overrides.NONE, OperatorPolicy.DEFAULT);
    }

    void addFile(final Path file, final ConfigOrigin origin) {
        // An empty file or one of only comments is no content (null) rather than broken YAML.
        Object parsed = ConfigText.parse(file, ConfigText.read(file, MAX_FILE_BYTES));
        if (parsed == null) {
            return;
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw MlopsException.input(file + " must be a YAML mapping of keys (like 'target: 0.9'), not a "
                    + (parsed instanceof List ? "list" : "single value") + ".");
        }
        addLayer(flatten(map, "", file.toString()), file.toString(), origin);
    }

    void addLayer(final Map<String, Object> layer, final String label, final ConfigOrigin origin) {
        for (Map.Entry<String, Object> entry : layer.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            String key = entry.getKey();
            if (!KEYS.contains(key)) {
                throw MlopsException.input(label + ": unknown key '" + key + "'" + suggestion(key)
                        + ". Known keys: " + String.join(", ", KEYS) + ".");
            }
            values.put(key, entry.getValue());
            labels.put(key, label);
            origins.put(key, origin);
        }
    }

    private static Map<String, Object> flatten(final Map<?, ?> map, final String prefix, final String origin) {
        Map<String, Object> flat = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = prefix + entry.getKey();
            if (entry.getValue() instanceof Map<?, ?> nested && !key.equals(SEARCH_SPACE)) {
                if (!isSection(key)) {
                    throw MlopsException.input(origin + ": '" + key + "' is a section, but only train, notify, "
                            + "publish, plateau, git and search_space are sections; write '" + key + ": value'.");
                }
                flat.putAll(flatten(nested, key + ".", origin));
            }
            else {
                flat.put(key, entry.getValue());
            }
        }
        return flat;
    }

    private static boolean isSection(final String key) {
        return KEYS.stream().anyMatch(known -> known.startsWith(key + "."));
    }

    private static String suggestion(final String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : KEYS) {
            int distance = EditDistance.between(key, known);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = known;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 3) ? " (did you mean '" + best + "'?)" : "";
    }

    MlopsConfig build(final OperatorPolicy operator) {
        ConfigValues v = new ConfigValues(values, labels);
        Direction direction = v.oneOf("direction", "maximize", "maximize", "minimize").equals("maximize")
                ? Direction.MAXIMIZE : Direction.MINIMIZE;
        String metric = v.string("metric", "accuracy");
        Objective objective = new Objective(metric, target(v, metric), direction);
        MlopsConfig.Budget budget = new MlopsConfig.Budget(v.integer("max_trials", 10, 1, 1000),
                v.integer("max_failed_trials", 3, 1, 1000), v.has("time_budget") ? v.duration("time_budget", null) : null,
                v.integer("plateau.patience", 0, 0, 1000), v.decimal("plateau.min_delta", 0.001, 0, 1e9));
        MlopsConfig.StudySettings study = new MlopsConfig.StudySettings(v.choice("mode", Mode.IN_BUILD, Mode::id),
                v.choice("strategy", Strategy.AUTO, Strategy::id), v.choice("sampler", SamplerName.TPE, SamplerName::id),
                v.integer("seed", 42, 0, Integer.MAX_VALUE), v.integer("parallel", 1, 1, 16), budget, searchSpace(v));
        return new MlopsConfig(v.string("entry", null), v.string("image", null), operator.trainerImages(),
                operator.allowedImages(), objective,
                v.string("metric_file", "accuracy.txt"), study,
                new MlopsConfig.TrainSettings(v.duration("train.timeout", Duration.ofHours(2)),
                        v.size("train.memory", 4L * 1024 * 1024 * 1024), v.decimal("train.cpus", 0, 0, 1024),
                        v.oneOf("train.network", "none", "none", "bridge"), v.bool("train.gpus", false),
                        v.string("train.dataset", null), v.mountPoint("train.dataset_mount", "/data"),
                        v.strings("train.artifacts", List.of("*.h5", "*.keras", "*.pt", "*.joblib", "*.pkl"))),
                new MlopsConfig.NotifySettings(v.strings("notify.to", List.of()), v.string("notify.from", null),
                        v.string("notify.subject", "[mlops] {verdict}: {metric} {best} (target {target})"),
                        v.bool("notify.include_author", true)),
                new MlopsConfig.PublishSettings(v.bool("publish.enabled", true),
                        v.string("publish.branch", "mlops/models"), v.string("publish.remote", null),
                        v.size("publish.size_limit", 100L * 1024 * 1024)),
                new MlopsConfig.GitSettings(v.string("git.committer_name", null),
                        v.string("git.committer_email", null)),
                origins);
    }

    private static double target(final ConfigValues v, final String metric) {
        boolean fraction = Objective.isFraction(metric);
        if (!fraction) {
            return v.decimal("target", 0.90, -1e12, 1e12);
        }
        double target = v.decimal("target", 0.90, -1e12, 1e12);
        if (target >= 10 && target <= 100) {
            throw v.bad("target", target, "a fraction from 0 to 1 for " + metric + " (write " + target / 100
                    + " for " + target + "%)");
        }
        if (target <= 0 || target > 1) {
            throw v.bad("target", target, "a fraction above 0 and at most 1 for " + metric);
        }
        return target;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> searchSpace(final ConfigValues v) {
        if (!v.has(SEARCH_SPACE)) {
            return Map.of();
        }
        Object raw = v.raw(SEARCH_SPACE);
        if (!(raw instanceof Map<?, ?> map)) {
            throw v.bad(SEARCH_SPACE, raw, "a mapping of parameter names to ranges or choices");
        }
        return (Map<String, Object>) map;
    }
}
