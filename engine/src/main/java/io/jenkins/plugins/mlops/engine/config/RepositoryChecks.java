package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the values a pushed repository's {@code mlops.yml} set against the {@link OperatorPolicy}: everything that
 * touches the host (dataset, memory, GPUs), the network, an image, a git remote or a mailbox. Values the operator or
 * the user set are trusted and not checked here. A refusal names the key, the file and who can allow it.
 */
final class RepositoryChecks {
    private final OperatorPolicy operator;
    private final ConfigValues values;

    RepositoryChecks(final OperatorPolicy operator, final ConfigValues values) {
        this.operator = operator;
        this.values = values;
    }

    void check(final Path workspace, final MlopsConfig config) {
        if (fromRepository(config, "image") && !operator.allowsImage(config.image())) {
            throw refused("image", config.image(), "names an image outside the operator's allow-list "
                    + operator.allowedImages(), "MLOPS_ALLOWED_IMAGES");
        }
        if (fromRepository(config, "train.network") && !"none".equals(config.train().network())
                && !operator.repositoryNetwork()) {
            throw refused("train.network", config.train().network(), "turns on the network",
                    "MLOPS_ALLOW_NETWORK=true");
        }
        if (fromRepository(config, "train.gpus") && config.train().gpus() && !operator.repositoryGpus()) {
            throw refused("train.gpus", true, "asks for GPUs", "MLOPS_ALLOW_GPUS=true");
        }
        if (fromRepository(config, "train.memory") && config.train().memoryBytes() > operator.maxMemoryBytes()) {
            throw refused("train.memory", values.raw("train.memory"), "asks for more memory than the operator's "
                    + "limit of " + (operator.maxMemoryBytes() >> 20) + " MiB", "MLOPS_MAX_MEMORY");
        }
        if (fromRepository(config, "notify.to") && !config.mail().to().isEmpty() && !operator.repositoryRecipients()) {
            throw refused("notify.to", String.join(", ", config.mail().to()), "says where the operator's mail goes",
                    "MLOPS_ALLOW_REPOSITORY_RECIPIENTS=true, or recipients set by the operator (--to, the step's "
                    + "recipients)");
        }
        if (fromRepository(config, "publish.remote")) {
            // Credentials go only where the operator points; a remote of the repository's choosing would get them.
            throw refused("publish.remote", config.publish().remote(), "chooses where the tool pushes with the "
                    + "operator's credentials", "the remote of `mlops publish --remote`, of the Jenkins step, or of a "
                    + "--config file");
        }
        if (fromRepository(config, "train.dataset")) {
            checkDataset(workspace, config.train().dataset());
        }
    }

    private void checkDataset(final Path workspace, final String dataset) {
        if (DatasetSource.isVolume(workspace, dataset)) {
            if (!operator.datasetVolumes().contains(dataset)) {
                throw refused("train.dataset", dataset, "names a Docker volume the operator did not name",
                        "MLOPS_DATASET_VOLUMES");
            }
            return;
        }
        Path path = real(Path.of(DatasetSource.of(workspace, dataset)));
        Path repository = real(workspace);
        if (path.startsWith(repository)) {
            Path inside = repository.relativize(path);
            String top = inside.toString().isEmpty() ? "" : inside.getName(0).toString();
            // Mounted into every trial: the whole checkout, git's store or the tool's state would show each trial
            // the other trials' outputs and edits, run.json, the outbox and the publish clone.
            if (top.isEmpty() || top.equalsIgnoreCase(".git") || top.equalsIgnoreCase(ChainStateStore.STATE_DIR)) {
                throw MlopsException.input(values.origin("train.dataset") + ": 'train.dataset' is '" + dataset
                        + "', which is the whole checkout, its .git or the tool's state folder .mlops; name the "
                        + "folder of the data (e.g. data) in mlops.yml.");
            }
            return;
        }
        for (Path root : operator.datasetRootPaths()) {
            if (path.startsWith(real(root))) {
                return;
            }
        }
        throw refused("train.dataset", dataset, "lies outside the repository and outside the operator's dataset "
                + "folders " + operator.datasetRoots(), "MLOPS_DATASET_ROOTS");
    }

    /** The path with symbolic links resolved where it exists, so that a link cannot lead out of a folder. */
    private static Path real(final Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        try {
            return Files.exists(absolute) ? absolute.toRealPath() : absolute;
        }
        catch (IOException e) {
            return absolute;
        }
    }

    private static boolean fromRepository(final MlopsConfig config, final String key) {
        return config.origin(key) == ConfigOrigin.REPOSITORY;
    }

    private MlopsException refused(final String key, final Object value, final String why, final String allow) {
        return MlopsException.input(values.origin(key) + ": '" + key + "' is '" + value + "', which " + why
                + "; a repository may not do that unless the operator allows it (" + allow
                + "). Remove the key from mlops.yml or ask the operator.");
    }
}
