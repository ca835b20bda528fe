package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import com.github.dockerjava.api.exception.DockerClientException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.BuildResponseItem;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Builds a trainer image that is missing: from the Dockerfile folder the configuration names, or, for this
 * project's own images, from the Dockerfile shipped in the engine jar — once, saying so and how long it takes, with
 * progress in the step's log (see {@link BuildProgress}). Build steps use the daemon's default network, or the
 * host's when the daemon has no docker0 bridge, or {@code MLOPS_BUILD_NETWORK} (e.g. {@code host}) when the operator
 * sets it.
 */
final class ImageBuilder {
    /** What the daemon's error names when its default bridge interface is missing. */
    private static final String NO_BRIDGE = "bridge docker0";

    private final DockerClient docker;
    private final Duration every;

    ImageBuilder(final DockerClient docker, final Duration every) {
        this.docker = docker;
        this.every = every;
    }

    /** Builds {@code image} from {@code dir}, a folder holding a Dockerfile. */
    void fromFolder(final String image, final Path dir, final RunLog log) {
        if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
            throw MlopsException.input("The image " + image + " is missing and " + dir
                    + " has no Dockerfile to build it from. Point the Dockerfile folder at the right place.");
        }
        log.info("Image %s is missing: building it from %s", image, dir);
        run(() -> docker.buildImageCmd(dir.toFile()), image, dir.toString(), log);
    }

    /**
     * Builds our own {@code image} from its shipped Dockerfile, or says what builds it.
     *
     * @throws MlopsException input: not one of our images, a Dockerfile needing more files, or no base image
     */
    void fromProject(final String image, final RunLog log) {
        String folder = ProjectDockerfile.folderOf(image).orElse("DIR_WITH_DOCKERFILE");
        ProjectDockerfile dockerfile = ProjectDockerfile.forImage(image).orElseThrow(() -> MlopsException.input(
                "The image " + image + " is not on the Docker host. Build it: docker build -t " + image + " "
                        + folder + " (or docker pull it from your registry, or name another image with --image)."));
        fromDockerfile(image, dockerfile, log);
    }

    /** Builds {@code image} from {@code dockerfile} alone, when it needs no other file and its base image is here. */
    void fromDockerfile(final String image, final ProjectDockerfile dockerfile, final RunLog log) {
        String folder = dockerfile.folder();
        String script = "scripts/build-images.sh " + folder.substring(folder.lastIndexOf('/') + 1);
        if (!dockerfile.selfContained()) {
            throw MlopsException.input("The image " + image + " is not on the Docker host, and its Dockerfile ("
                    + folder + ") needs files besides itself: build it with " + script + " in the mlops project.");
        }
        String base = dockerfile.baseImage();
        if (!present(base)) {
            throw MlopsException.input("The image " + image + " is not on the Docker host, nor its base image "
                    + base + ": run " + script + " in the mlops project (it pulls " + base + " or makes it from "
                    + "Debian packages), or docker pull both from your registry.");
        }
        log.info("The image %s is not on the Docker host: building it once from %s/Dockerfile (%s on 2 cores; "
                + "later runs reuse it)", image, folder, dockerfile.buildMinutes().isPresent()
                ? "about " + dockerfile.buildMinutes().getAsInt() + " min" : "several minutes");
        byte[] context = dockerfile.context();
        run(() -> docker.buildImageCmd(new ByteArrayInputStream(context)), image, folder, log);
    }

    private boolean present(final String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        }
        catch (NotFoundException e) {
            return false;
        }
    }

    private void run(final Supplier<BuildImageCmd> build, final String image, final String from,
            final RunLog log) {
        String network = System.getenv("MLOPS_BUILD_NETWORK");
        try (BuildProgress progress = new BuildProgress(log, image, every)) {
            try {
                build(build.get(), image, network, progress);
            }
            catch (DockerClientException e) {
                if (network != null && !network.isBlank() || !String.valueOf(e.getMessage()).contains(NO_BRIDGE)) {
                    throw e;
                }
                // Hosts without a docker0 interface (a daemon run with --bridge=none) cannot give RUN steps the
                // default network, yet the host's network reaches the package mirror.
                log.info("The daemon has no %s for build steps: building %s with the host's network", NO_BRIDGE,
                        image);
                build(build.get(), image, "host", progress);
            }
            log.info("Built %s in %d s", image, progress.elapsed().toSeconds());
        }
        catch (DockerClientException e) {
            throw MlopsException.input("Building the image " + image + " from " + from + " failed: "
                    + e.getMessage() + ". Fix the Dockerfile (run `docker build -t " + image + " " + from
                    + "` to see the whole output).");
        }
    }

    private static void build(final BuildImageCmd build, final String image, final String network,
            final BuildProgress progress) {
        if (network != null && !network.isBlank()) {
            build.withNetworkMode(network);
        }
        build.withTags(Set.of(image)).withPull(false).exec(new BuildImageResultCallback() {
            @Override
            public void onNext(final BuildResponseItem item) {
                if (item.getStream() != null) {
                    progress.output(item.getStream());
                }
                super.onNext(item);
            }
        }).awaitImageId();
    }
}
