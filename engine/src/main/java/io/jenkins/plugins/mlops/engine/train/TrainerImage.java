package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image a trial runs in, as the daemon has it: its id and digests (recorded with the trial), and the user and
 * environment it declares (which decide how the container runs). A missing image is built by {@link ImageBuilder},
 * or the error names the command that builds it.
 *
 * @param name        the name the request used
 * @param id          {@code sha256:...}
 * @param repoDigests registry digests, empty for local builds
 * @param user        the image's {@code USER}, or empty
 * @param env         the image's {@code ENV} entries ({@code NAME=value})
 */
record TrainerImage(String name, String id, List<String> repoDigests, String user, List<String> env) {
    /** One lock per image name: a missing image is built by one trial while the others wait for it. */
    private static final Map<String, Object> BUILDS = new ConcurrentHashMap<>();

    TrainerImage {
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        user = user == null ? "" : user;
        env = env == null ? List.of() : List.copyOf(env);
    }

    /** Whether the image sets {@code variable} itself. */
    boolean declares(final String variable) {
        return env.stream().anyMatch(entry -> entry.startsWith(variable + "="));
    }

    /**
     * The image named in {@code request}; a missing one is built first (once per image in this JVM, so parallel
     * trials wait for one build): from the request's Dockerfile folder, else from this project's own Dockerfile.
     */
    static TrainerImage ensure(final DockerClient docker, final TrainingRequest request, final RunLog log) {
        return ensure(docker, request.image(), request.dockerfileDir(), log);
    }

    /** {@link #ensure(DockerClient, TrainingRequest, RunLog)} for {@code name}, built from {@code dockerfileDir}. */
    static TrainerImage ensure(final DockerClient docker, final String name, final Path dockerfileDir,
            final RunLog log) {
        Optional<TrainerImage> present = inspect(docker, name);
        if (present.isPresent()) {
            return present.get();
        }
        synchronized (BUILDS.computeIfAbsent(name, image -> new Object())) {
            present = inspect(docker, name);
            if (present.isPresent()) {
                return present.get();
            }
            ImageBuilder builder = new ImageBuilder(docker, BuildProgress.EVERY);
            if (dockerfileDir != null) {
                builder.fromFolder(name, dockerfileDir, log);
            }
            else {
                builder.fromProject(name, log);
            }
        }
        return inspect(docker, name).orElseThrow(() -> MlopsException.infrastructure("The image "
                + name + " was built but the daemon does not list it. Check `docker images`."));
    }

    private static Optional<TrainerImage> inspect(final DockerClient docker, final String image) {
        try {
            InspectImageResponse info = docker.inspectImageCmd(image).exec();
            var config = info.getConfig();
            return Optional.of(new TrainerImage(image, info.getId(), info.getRepoDigests(),
                    config == null ? null : config.getUser(), config == null || config.getEnv() == null
                            ? null : List.of(config.getEnv())));
        }
        catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
