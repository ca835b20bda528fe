package io.jenkins.plugins.mlops.engine.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.DeviceRequest;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.Volume;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a trial's container is configured: the safe defaults for code nobody reviewed (no network, non-root, no
 * capabilities, no privilege gain, read-only root filesystem, memory/CPU/process limits) and what the script needs
 * (a writable workspace, a tmpfs {@code /tmp}, its parameters, the dataset read-only).
 */
final class ContainerSpec {
    /** Label with the chain id on every container, for the orphan sweep; its name says run, as users and earlier
     * versions know it. */
    static final String CHAIN_LABEL = "io.jenkins.plugins.mlops.run";
    /** Label with the trial number on every container. */
    static final String TRIAL_LABEL = "io.jenkins.plugins.mlops.trial";
    /** Where the workspace is inside the container. */
    static final String WORKSPACE = "/workspace";
    /** Where the never-started containers that fill and hold a study's shared workspace copy mount it. */
    static final String SHARED = "/mlops/shared";
    /** The parameters file, relative to the workspace. */
    static final String PARAMS_FILE = ".mlops/params.json";
    /** Who runs the script when the image would run it as root. */
    static final String FALLBACK_USER = "1000:1000";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final TrainingRequest request;
    private final TrainerImage image;
    private final boolean userReplaced;
    private final KerasDatasets kerasDatasets;

    /** Settings for an image whose user is replaced when it is root by name or number (names not looked up). */
    ContainerSpec(final TrainingRequest request, final TrainerImage image) {
        this(request, image, EffectiveUser.isRoot(image.user(), name -> java.util.OptionalLong.empty()));
    }

    /**
     * Settings that run the script as {@link #FALLBACK_USER} when {@code userReplaced}, else as the image's user,
     * with the Keras dataset cache the environment of this process names.
     */
    ContainerSpec(final TrainingRequest request, final TrainerImage image, final boolean userReplaced) {
        this(request, image, userReplaced, KerasDatasets.fromEnvironment(System.getenv()));
    }

    ContainerSpec(final TrainingRequest request, final TrainerImage image, final boolean userReplaced,
            final KerasDatasets kerasDatasets) {
        this.request = request;
        this.image = image;
        this.userReplaced = userReplaced;
        this.kerasDatasets = kerasDatasets;
    }

    /** The image's user, unless it runs as root and the operator does not allow that: then {@link #FALLBACK_USER}. */
    String user() {
        return userOf(image, userReplaced);
    }

    /** The user a container of {@code image} runs as: {@link #FALLBACK_USER} when {@code userReplaced}. */
    static String userOf(final TrainerImage image, final boolean userReplaced) {
        return userReplaced ? FALLBACK_USER : image.user().trim();
    }

    /** Whether the image would run as root, so that {@link #FALLBACK_USER} runs the script instead. */
    boolean userReplaced() {
        return userReplaced;
    }

    /** The numeric uid and gid of {@code user} ({@code uid[:gid]}), or {@code null} when it is a name. */
    static int[] numericIds(final String user) {
        String[] parts = user.split(":", 2);
        try {
            int uid = Integer.parseInt(parts[0]);
            return new int[] {uid, parts.length > 1 ? Integer.parseInt(parts[1]) : uid};
        }
        catch (NumberFormatException e) {
            return null;
        }
    }

    /** The request's command. */
    List<String> command() {
        return request.command();
    }

    /** Scripts run in the workspace; a notebook in its own folder, as Jupyter runs it. */
    String workingDir() {
        String notebook = request.notebook();
        if (notebook == null || !notebook.contains("/")) {
            return WORKSPACE;
        }
        return WORKSPACE + "/" + notebook.substring(0, notebook.lastIndexOf('/'));
    }

    /** Files the engine adds to the workspace copy: the parameters, and the script of a notebook entry. */
    Map<String, byte[]> addedFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PARAMS_FILE, paramsJson());
        if (request.notebook() != null) {
            files.put(NotebookScript.SCRIPT, NotebookScript.toPython(request.workspace().resolve(request.notebook())));
        }
        return files;
    }

    /** The parameters as JSON. */
    byte[] paramsJson() {
        try {
            return JSON.writeValueAsString(request.params()).getBytes(StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw MlopsException.input("The parameters cannot be written as JSON: " + e.getOriginalMessage()
                    + ". Use numbers, strings, booleans, lists and maps only.");
        }
    }

    List<String> env() {
        List<String> env = new ArrayList<>();
        env.add("MLOPS_PARAMS=" + new String(paramsJson(), StandardCharsets.UTF_8));
        env.add("MLOPS_PARAMS_FILE=" + WORKSPACE + "/" + PARAMS_FILE);
        env.add("MLOPS_RUN_ID=" + request.chainId());
        env.add("MLOPS_TRIAL=" + request.trialNumber());
        // Lines must reach the log as they are printed, not when Python's buffer fills.
        env.add("PYTHONUNBUFFERED=1");
        if (!image.declares("HOME")) {
            // The root filesystem is read-only; caches that go to $HOME need a writable place.
            env.add("HOME=/tmp");
        }
        env.addAll(kerasDatasets.env(image));
        return env;
    }

    Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(CHAIN_LABEL, request.chainId());
        labels.put(TRIAL_LABEL, Integer.toString(request.trialNumber()));
        return labels;
    }

    /**
     * The anonymous volume that holds the copied-in workspace; none when the workspace is bind-mounted or is the
     * trial's layer over a study's shared copy ({@link TrialLayer}).
     */
    List<Volume> volumes() {
        return request.bindMount() || request.shared() != null && request.shared().layered() ? List.of()
                : List.of(new Volume(WORKSPACE));
    }

    boolean networkDisabled() {
        return "none".equals(request.network());
    }

    HostConfig hostConfig() {
        return hostConfig(null);
    }

    /** The settings, with {@code workspaceVolume} (a {@link TrialLayer}'s overlay) as {@code /workspace} if given. */
    HostConfig hostConfig(final String workspaceVolume) {
        long memory = request.limits().memoryBytes();
        HostConfig host = HostConfig.newHostConfig()
                .withNetworkMode(request.network())
                .withMemory(memory)
                .withMemorySwap(memory)
                .withPidsLimit(request.limits().pids())
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of("no-new-privileges"))
                .withPrivileged(false)
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,mode=1777"))
                // An init process reaps zombies of data-loader workers and passes signals on.
                .withInit(true)
                .withMounts(mounts(workspaceVolume));
        if (request.limits().cpus() > 0) {
            host.withNanoCPUs(Math.round(request.limits().cpus() * 1e9));
        }
        if (request.bindMount()) {
            host.withBinds(workspaceBinds());
        }
        if (request.gpus()) {
            host.withDeviceRequests(List.of(new DeviceRequest().withCount(-1)
                    .withCapabilities(List.of(List.of("gpu")))));
        }
        return host;
    }

    /**
     * The workspace read-write, but its git folder and the tool's state read-only: a script that could write
     * {@code .git/config} or hooks would run commands on the host with the next git command there.
     */
    private List<Bind> workspaceBinds() {
        Path workspace = request.workspace().toAbsolutePath();
        List<Bind> binds = new ArrayList<>();
        binds.add(Bind.parse(workspace + ":" + WORKSPACE + ":rw"));
        for (String guarded : List.of(".git", ChainStateStore.STATE_DIR)) {
            if (Files.exists(workspace.resolve(guarded), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                binds.add(Bind.parse(workspace.resolve(guarded) + ":" + WORKSPACE + "/" + guarded + ":ro"));
            }
        }
        return binds;
    }

    /**
     * The trial's layer as its workspace (when given), the dataset mount (a host folder must exist, which is checked
     * before any container starts) and the Keras dataset cache for an image that reads one.
     */
    private List<Mount> mounts(final String workspaceVolume) {
        List<Mount> mounts = new ArrayList<>();
        if (workspaceVolume != null) {
            mounts.add(new Mount().withType(MountType.VOLUME).withSource(workspaceVolume).withTarget(WORKSPACE));
        }
        String dataset = request.dataset();
        if (dataset != null && !dataset.isBlank()) {
            Mount mount = new Mount().withTarget(request.datasetMount()).withReadOnly(true);
            mounts.add(isHostPath(dataset)
                    ? mount.withType(MountType.BIND).withSource(Path.of(dataset).toAbsolutePath().toString())
                    : mount.withType(MountType.VOLUME).withSource(dataset));
        }
        kerasDatasets.mount(image).ifPresent(mounts::add);
        return mounts;
    }

    /** Whether the dataset names a host folder rather than a Docker volume. */
    static boolean isHostPath(final String dataset) {
        return dataset.contains("/") || dataset.contains("\\") || dataset.startsWith(".");
    }

    /** Fails with an input error when the dataset is a host folder that does not exist. */
    static void checkDataset(final TrainingRequest request) {
        String dataset = request.dataset();
        if (dataset != null && !dataset.isBlank() && isHostPath(dataset) && !Files.isDirectory(Path.of(dataset))) {
            throw MlopsException.input("The dataset folder " + dataset + " does not exist (or is not a folder). "
                    + "Point --dataset (mlops.yml train.dataset) at the folder with the training data.");
        }
    }
}
