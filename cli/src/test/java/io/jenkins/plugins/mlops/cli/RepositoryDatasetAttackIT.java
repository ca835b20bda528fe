package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13.2 as a repository author attacks it, with {@code mlops train} against the real dockerd: a repository's
 * mlops.yml names the host's / or a Docker volume as its dataset. Both are refused (exit 2 naming the key) before a
 * container starts; before the fix the training listed the host's / and the unknown volume was left behind.
 */
@RequiresDocker
class RepositoryDatasetAttackIT {
    private static final String LIST_DATA = """
            import os
            print("DATA:", sorted(os.listdir("/data")))
            """;

    @TempDir
    private Path workspace;

    private final InProcessMlops mlops = new InProcessMlops();

    /** {@code train.dataset: ../../../../} would mount the host's / read-only. */
    @Test
    void shouldNotMountTheHostRoot() throws IOException {
        Files.writeString(workspace.resolve("train.py"), LIST_DATA);
        Files.writeString(workspace.resolve("mlops.yml"), "train:\n  dataset: ../../../../../\n");

        int exit = train();

        assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mlops.err()).contains("'train.dataset'", "MLOPS_DATASET_ROOTS");
        assertThat(mlops.out()).doesNotContain("DATA:");
    }

    /** A bare name would mount any Docker volume, and create (and leave) one that does not exist. */
    @Test
    void shouldNotMountOrCreateAVolume() throws IOException, InterruptedException {
        String volume = "mlops-attack-" + UUID.randomUUID();
        Files.writeString(workspace.resolve("train.py"), LIST_DATA);
        Files.writeString(workspace.resolve("mlops.yml"), "train:\n  dataset: " + volume + "\n");

        int exit = train();

        boolean created = volumeExists(volume);
        if (created) {
            new ProcessBuilder("docker", "volume", "rm", "-f", volume).start().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mlops.err()).contains("'train.dataset'", "MLOPS_DATASET_VOLUMES");
        assertThat(created).as("volume %s left behind", volume).isFalse();
    }

    private int train() {
        return mlops.run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1", "--entry",
                "train.py", "--timeout", "2m");
    }

    private static boolean volumeExists(final String volume) throws IOException, InterruptedException {
        Process inspect = new ProcessBuilder("docker", "volume", "inspect", volume).redirectErrorStream(true).start();
        inspect.getInputStream().readAllBytes();
        return inspect.waitFor(30, TimeUnit.SECONDS) && inspect.exitValue() == 0;
    }
}
