package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The image a trial runs in, as the daemon has it: its id and digests (recorded with the trial), and the user and
 * environment it declares (which decide how the container runs). A missing image is built from the configured
 * Dockerfile folder, or the error names the command that builds it.
 *
 * @param name        the name the request used
 * @param id          {@code sha256:...}
 * @param repoDigests registry digests, empty for local builds
 * @param user        the image's {@code USER}, or empty
 * @param env         the image's {@code ENV} entries ({@code NAME=value})
 */
record TrainerImage(String name, String id, List<String> repoDigests, String user, List<String> env) {
    private static final String IMAGES_RESOURCE = "/io/jenkins/plugins/mlops/engine/model/trainer-images.properties";

    TrainerImage {
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        user = user == null ? "" : user;
        env = env == null ? List.of() : List.copyOf(env);
    }

    /** Whether the image sets {@code variable} itself. */
    boolean declares(final String variable) {
        return env.stream().anyMatch(entry -> entry.startsWith(variable + "="));
    }

    /** The image named in {@code request}, built first when it is missing and a Dockerfile folder is configured. */
    static TrainerImage ensure(final DockerClient docker, final TrainingRequest request, final RunLog log) {
        Optional<TrainerImage> present = inspect(docker, request.image());
        if (present.isPresent()) {
            return present.get();
        }
        Path dockerfileDir = request.dockerfileDir();
        if (dockerfileDir == null) {
            throw MlopsException.input("The image " + request.image() + " is not on the Docker host. Build it: "
                    + "docker build -t " + request.image() + " " + knownDockerfileDir(request.image())
                    + " (or docker pull it from your registry, or name another image with --image).");
        }
        if (!Files.isRegularFile(dockerfileDir.resolve("Dockerfile"))) {
            throw MlopsException.input("The image " + request.image() + " is missing and " + dockerfileDir
                    + " has no Dockerfile to build it from. Point the Dockerfile folder at the right place.");
        }
        build(docker, request.image(), dockerfileDir, log);
        return inspect(docker, request.image()).orElseThrow(() -> MlopsException.infrastructure("The image "
                + request.image() + " was built but the daemon does not list it. Check `docker images`."));
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

    private static void build(final DockerClient docker, final String image, final Path dir, final RunLog log) {
        log.info("Image %s is missing: building it from %s", image, dir);
        try {
            docker.buildImageCmd(dir.toFile()).withTags(Set.of(image)).withPull(false)
                    .exec(new BuildImageResultCallback() {
                        @Override
                        public void onNext(final BuildResponseItem item) {
                            if (item.getStream() != null && !item.getStream().isBlank()) {
                                item.getStream().lines().forEach(line -> log.info("[docker build] %s", line));
                            }
                            super.onNext(item);
                        }
                    }).awaitImageId();
        }
        catch (DockerClientException e) {
            throw MlopsException.input("Building the image " + image + " from " + dir + " failed: "
                    + e.getMessage() + ". Fix the Dockerfile (run `docker build -t " + image + " " + dir
                    + "` to see the whole output).");
        }
    }

    /** The Dockerfile folder of our own trainer images, or a placeholder for images we do not know. */
    static String knownDockerfileDir(final String image) {
        Properties images = new Properties();
        try (InputStream in = TrainerImage.class.getResourceAsStream(IMAGES_RESOURCE)) {
            if (in != null) {
                images.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String value : images.stringPropertyNames().stream().map(images::getProperty).toList()) {
            String[] tagAndDir = value.split("\\|", 2);
            if (tagAndDir.length == 2 && tagAndDir[0].trim().equals(image)) {
                return tagAndDir[1].trim();
            }
        }
        return "DIR_WITH_DOCKERFILE";
    }
}
