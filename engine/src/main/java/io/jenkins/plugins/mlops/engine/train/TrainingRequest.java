package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One training (one trial's container): what runs, in which image, with which parameters and limits. Build it with
 * {@link #builder(Path, String, String)}; the defaults are the safe ones for code nobody reviewed.
 *
 * @param workspace     the folder that is trained (its copy goes into the container; artifacts come back here)
 * @param image         the trainer image, e.g. {@code mlops/sklearn:0.1}
 * @param command       what the container runs in {@code /workspace} (default {@code python3 <entry>})
 * @param params        parameters for the script: env {@code MLOPS_PARAMS} (JSON) and {@code .mlops/params.json}
 * @param chainId         the chain this training belongs to (container label)
 * @param trialNumber   the trial number (container label)
 * @param timeout       the container is killed after this (default 2 h)
 * @param limits        memory, CPU and process limits
 * @param network       {@code none} (default) or {@code bridge}
 * @param gpus          whether all GPUs are requested
 * @param dataset       an absolute host folder, or the name of a Docker volume, mounted read-only; or {@code null}
 * @param datasetMount  where the dataset appears in the container (default {@code /data})
 * @param bindMount     bind-mount the workspace instead of copying it in and out (local daemons only)
 * @param artifacts     globs of files copied back into the workspace after training (model weights)
 * @param metricFiles   metric files copied back (default {@code metrics.json}, {@code accuracy.txt})
 * @param dockerfileDir where to build the image from when it is missing, or {@code null}
 * @param notebook      a notebook entry (relative to the workspace) whose code cells run as a script, or {@code null}
 * @param shared        the study's shared copy of its workspace, which {@code workspace} (the trial's own files:
 *                      its entry, what came back) overlays; or {@code null} to copy all of {@code workspace}
 */
public record TrainingRequest(Path workspace, String image, List<String> command, Map<String, Object> params,
        String chainId, int trialNumber, Duration timeout, Limits limits, String network, boolean gpus,
        String dataset, String datasetMount, boolean bindMount, List<String> artifacts, List<String> metricFiles,
        Path dockerfileDir, String notebook, SharedWorkspace shared) {
    /** The default training time limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofHours(2);
    /** Model files people save, copied back by default. */
    public static final List<String> DEFAULT_ARTIFACTS = List.of("*.h5", "*.keras", "*.pt", "*.joblib", "*.pkl");
    /** Metric files the gate reads, copied back by default. */
    public static final List<String> DEFAULT_METRIC_FILES = List.of("metrics.json", "accuracy.txt");
    /** The networks a container may get. */
    public static final Set<String> NETWORKS = Set.of("none", "bridge");

    public TrainingRequest {
        Objects.requireNonNull(workspace, "workspace");
        if (image == null || image.isBlank()) {
            throw MlopsException.input("No trainer image given. Name one (--image, mlops.yml `image:`) or run "
                    + "`mlops detect` so the framework picks it.");
        }
        if (command == null || command.isEmpty()) {
            throw MlopsException.input("No training command given. Name the entry script (--entry train.py).");
        }
        command = List.copyOf(command);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        Objects.requireNonNull(chainId, "chainId");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw MlopsException.input("The training timeout must be positive, not " + timeout + ".");
        }
        limits = limits == null ? Limits.DEFAULT : limits;
        if (!NETWORKS.contains(network)) {
            throw MlopsException.input("Unknown network '" + network + "'. Use none (default, no network) or "
                    + "bridge (the script may reach the internet).");
        }
        if (datasetMount == null || !datasetMount.startsWith("/")) {
            throw MlopsException.input("The dataset mount point must be an absolute path in the container, not '"
                    + datasetMount + "'.");
        }
        artifacts = List.copyOf(artifacts);
        metricFiles = List.copyOf(metricFiles);
        if (shared != null && bindMount) {
            throw MlopsException.input("A trial over the study's shared workspace copy cannot bind-mount its "
                    + "workspace; train without --bind-mount.");
        }
    }

    /**
     * A request with the safe defaults that runs {@code python3 <entry>}; a notebook entry ({@code .ipynb}) runs
     * its code cells, in the notebook's folder.
     */
    public static Builder builder(final Path workspace, final String image, final String entry) {
        return new Builder(workspace, image, entry);
    }

    /**
     * Resource limits of the container.
     *
     * @param memoryBytes memory limit; swap is off (memory+swap = memory)
     * @param cpus        CPU limit in cores; 0 means all cores
     * @param pids        the most processes/threads the container may have
     */
    public record Limits(long memoryBytes, double cpus, long pids) {
        /** 4 GiB, all cores, 2048 processes. */
        public static final Limits DEFAULT = new Limits(4L << 30, 0, 2048);

        public Limits {
            if (memoryBytes < 6L << 20) {
                throw MlopsException.input("The memory limit must be at least 6 MiB (Docker's minimum), not "
                        + memoryBytes + " bytes.");
            }
            if (cpus < 0 || pids <= 0) {
                throw MlopsException.input("CPU limit must be >= 0 (0 = all cores) and the process limit > 0.");
            }
        }

        /** These limits with another memory limit. */
        public Limits withMemoryBytes(final long newMemoryBytes) {
            return new Limits(newMemoryBytes, cpus, pids);
        }

        /** These limits with another CPU limit. */
        public Limits withCpus(final double newCpus) {
            return new Limits(memoryBytes, newCpus, pids);
        }
    }

    /** Collects the settings of a {@link TrainingRequest}; every setter is optional. */
    public static final class Builder {
        private final Path workspace;
        private final String image;
        private List<String> command;
        private Map<String, Object> params = Map.of();
        private String chainId = "adhoc";
        private int trialNumber = 1;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Limits limits = Limits.DEFAULT;
        private String network = "none";
        private boolean gpus;
        private String dataset;
        private String datasetMount = "/data";
        private boolean bindMount;
        private List<String> artifacts = DEFAULT_ARTIFACTS;
        private List<String> metricFiles = DEFAULT_METRIC_FILES;
        private Path dockerfileDir;
        private final String notebook;
        private SharedWorkspace shared;

        private Builder(final Path workspace, final String image, final String entry) {
            this.workspace = workspace;
            this.image = image;
            this.notebook = NotebookScript.isNotebook(entry) ? entry : null;
            if (entry == null) {
                this.command = List.of();
            }
            else {
                this.command = List.of("python3", notebook == null ? entry : "/workspace/" + NotebookScript.SCRIPT);
            }
        }

        public Builder command(final List<String> value) {
            this.command = value;
            return this;
        }

        public Builder params(final Map<String, Object> value) {
            this.params = value;
            return this;
        }

        /** Trial {@code number} of chain {@code id} (the container's labels, MLOPS_RUN_ID and MLOPS_TRIAL). */
        public Builder trial(final String id, final int number) {
            this.chainId = id;
            this.trialNumber = number;
            return this;
        }

        public Builder timeout(final Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder limits(final Limits value) {
            this.limits = value;
            return this;
        }

        public Builder network(final String value) {
            this.network = value;
            return this;
        }

        public Builder gpus(final boolean value) {
            this.gpus = value;
            return this;
        }

        /** Mounts {@code source} (absolute host folder or volume name) read-only at {@code mountPoint}. */
        public Builder dataset(final String source, final String mountPoint) {
            this.dataset = source;
            this.datasetMount = mountPoint;
            return this;
        }

        public Builder bindMount(final boolean value) {
            this.bindMount = value;
            return this;
        }

        public Builder artifacts(final List<String> value) {
            this.artifacts = value;
            return this;
        }

        public Builder metricFiles(final List<String> value) {
            this.metricFiles = value;
            return this;
        }

        public Builder dockerfileDir(final Path value) {
            this.dockerfileDir = value;
            return this;
        }

        /** Trains over {@code value}: the workspace then holds only the trial's own files. */
        public Builder shared(final SharedWorkspace value) {
            this.shared = value;
            return this;
        }

        /** The request; throws {@link MlopsException} (input) for settings that cannot work. */
        public TrainingRequest build() {
            return new TrainingRequest(workspace, image, command, params, chainId, trialNumber, timeout, limits,
                    network, gpus, dataset, datasetMount, bindMount, artifacts, metricFiles, dockerfileDir, notebook,
                    shared);
        }
    }
}
