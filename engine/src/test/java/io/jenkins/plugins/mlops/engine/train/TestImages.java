package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageResultCallback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * Tiny images built FROM debian:bookworm-slim (no registry is reachable here) for attacks on the container settings.
 * They carry {@link #LABEL}, so that their leftovers can be told apart from everybody else's.
 */
final class TestImages {
    /** Label on every test image. */
    static final String LABEL = "io.jenkins.plugins.mlops.test";

    private TestImages() {
    }

    /**
     * Builds {@code tag} from {@code dockerfile} with the extra build-context {@code files} (name to content).
     * Nothing runs during the build (no RUN), so it needs no network.
     */
    static String build(final String tag, final String dockerfile, final Map<String, String> files)
            throws IOException {
        Path context = Files.createTempDirectory("mlops-test-image");
        try {
            Files.writeString(context.resolve("Dockerfile"), dockerfile);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Files.writeString(context.resolve(file.getKey()), file.getValue());
            }
            try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofMinutes(2))) {
                docker.buildImageCmd(context.toFile()).withTags(Set.of(tag)).withPull(false)
                        .withLabels(Map.of(LABEL, "container")).exec(new BuildImageResultCallback())
                        .awaitImageId();
            }
            return tag;
        }
        finally {
            try (var paths = Files.walk(context)) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }
}
