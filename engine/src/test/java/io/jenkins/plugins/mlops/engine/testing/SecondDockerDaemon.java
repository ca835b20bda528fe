package io.jenkins.plugins.mlops.engine.testing;

import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.DockerClientFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A second real Docker daemon on this machine ({@code scripts/second-dockerd.sh}: own socket, data root, exec root,
 * pid file, its own bridge, no iptables), started for tests of trials spread over two Docker hosts and stopped after.
 * Needs root and dockerd; without them the test is skipped, except with {@code CI=true}, where that is an error.
 */
public final class SecondDockerDaemon {
    /** The run label of training containers (ContainerSpec.CHAIN_LABEL), to clean up after a stopped daemon. */
    private static final String CHAIN_LABEL = "io.jenkins.plugins.mlops.run";

    private final Path script;
    private String host;

    private SecondDockerDaemon(final Path script) {
        this.script = script;
    }

    /** Starts the daemon (copying {@code images} from the first one when missing) or skips the test. */
    public static SecondDockerDaemon start(final String... images) {
        SecondDockerDaemon daemon = new SecondDockerDaemon(repositoryRoot().resolve("scripts/second-dockerd.sh"));
        String problem = daemon.startOrExplain(images);
        if (problem != null) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but the second Docker daemon did not start: " + problem);
            }
            Assumptions.abort("No second Docker daemon, test skipped: " + problem);
        }
        return daemon;
    }

    /** Its DOCKER_HOST, e.g. {@code unix:///var/run/mlops-docker2/docker.sock}. */
    public String host() {
        return host;
    }

    /** A trainer on this daemon. */
    public ContainerTrainer trainer() {
        return new ContainerTrainer(DockerClientFactory.fromSettings(host, false, null));
    }

    /** Starts it again after {@link #stop()} (images are kept in its data root). */
    public void restart() {
        String problem = startOrExplain();
        if (problem != null) {
            throw new IllegalStateException("The second Docker daemon did not start again: " + problem);
        }
    }

    /** Stops the daemon; its containers stop with it. */
    public void stop() {
        String problem = run("stop");
        if (problem != null) {
            throw new IllegalStateException("Cannot stop the second Docker daemon: " + problem);
        }
    }

    /** Removes the training containers a stopped daemon left behind (they stay as exited containers). */
    public void removeTrainingContainers() {
        try {
            Process list = new ProcessBuilder("docker", "-H", host, "ps", "-aq", "--filter", "label=" + CHAIN_LABEL)
                    .redirectErrorStream(true).start();
            List<String> ids = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            list.waitFor();
            for (String id : ids) {
                new ProcessBuilder("docker", "-H", host, "rm", "-f", id).redirectErrorStream(true).start().waitFor();
            }
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String startOrExplain(final String... images) {
        String[] command = new String[images.length + 1];
        command[0] = "start";
        System.arraycopy(images, 0, command, 1, images.length);
        return run(command);
    }

    /** Runs the script; {@code null} when it succeeded, else its output. */
    private String run(final String... arguments) {
        try {
            Path output = Files.createTempFile("second-dockerd", ".log");
            try {
                String[] command = new String[arguments.length + 1];
                command[0] = script.toString();
                System.arraycopy(arguments, 0, command, 1, arguments.length);
                Process process = new ProcessBuilder(command).redirectErrorStream(false)
                        .redirectOutput(ProcessBuilder.Redirect.PIPE)
                        .redirectError(output.toFile()).start();
                String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return "scripts/second-dockerd.sh did not finish in 10 minutes";
                }
                if (process.exitValue() != 0) {
                    return Files.readString(output).trim();
                }
                if (!stdout.isEmpty()) {
                    host = stdout.lines().reduce((first, second) -> second).orElse(stdout);
                }
                return null;
            }
            finally {
                Files.deleteIfExists(output);
            }
        }
        catch (IOException e) {
            return e.getMessage();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The repository root: the module's parent (Maven runs tests in the module's folder). */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("scripts/second-dockerd.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("scripts/second-dockerd.sh not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
