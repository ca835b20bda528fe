package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mlops serve} with real processes of mlops.jar and the real dockerd: served commands run in the server with
 * the client's folder and output, Ctrl-C on the client cancels the training there, and whatever the server cannot
 * take (another environment, a dead server) runs in the client instead.
 */
@RequiresDocker
class ServeCommandIT {
    private static final Path JAR = Path.of("target", "mlops.jar").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    private Path dir;

    private Map<String, String> environment;
    private final List<Process> servers = new ArrayList<>();

    @BeforeEach
    void environment() {
        environment = new HashMap<>(System.getenv());
        environment.put(ServerProtocol.SOCKET_VARIABLE, dir.resolve("serve.sock").toString());
    }

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A relative --workspace is the client's folder's; output and exit code come back; the server ran it. */
    @Test
    void shouldRunATrainingInTheServerForTheClientsFolder() throws IOException, InterruptedException {
        Path serverLog = startServer("server.log");
        Path client = Files.createDirectories(dir.resolve("client"));
        Files.createDirectories(client.resolve("model"));
        Files.writeString(client.resolve("model/train.py"), """
                from sklearn.linear_model import LogisticRegression
                model = LogisticRegression()
                print('MLOPS_METRIC accuracy=0.93')
                """);

        Result detected = mlops(client, Map.of(), "detect", "--workspace", "model", "train.py");
        Result trained = mlops(client, Map.of(), "train", "--workspace", "model", "--image", "mlops/sklearn:0.1",
                "--entry", "train.py");
        Result checked = mlops(client, Map.of(), "check", "--workspace", "model");

        assertThat(detected.exit()).as(detected.output()).isZero();
        assertThat(detected.output()).as("PATH is relative to the workspace").contains("sklearn", "train.py");

        assertThat(trained.exit()).as(trained.output()).isZero();
        assertThat(trained.output()).contains("MLOPS_METRIC accuracy=0.93", "COMPLETE");
        assertThat(checked.exit()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("PASSED");
        RunState state = new RunStateStore(client.resolve("model")).load().orElseThrow();
        assertThat(state.trial(1).orElseThrow().metric()).isEqualTo(0.93);
        assertThat(Files.readString(serverLog)).contains("ran [detect, --workspace, model, train.py]",
                "ran [train, --workspace, model", "in " + client, "ran [check");
    }

    /** A client whose environment differs (here DOCKER_HOST) is told so and runs the command itself. */
    @Test
    void shouldRunItselfWhenTheEnvironmentDiffers() throws IOException, InterruptedException {
        Path serverLog = startServer("server.log");
        Files.writeString(dir.resolve("train.py"), "print('MLOPS_METRIC accuracy=0.5')\n");

        Result trained = mlops(dir, Map.of("DOCKER_HOST", "unix:///var/run/docker.sock"), "train", "--image",
                "mlops/sklearn:0.1", "--entry", "train.py");

        assertThat(trained.exit()).as(trained.output()).isZero();
        assertThat(trained.output()).contains("not using the server", "differs in [DOCKER_HOST]",
                "MLOPS_METRIC accuracy=0.5");
        assertThat(Files.readString(serverLog)).contains("refused [train").doesNotContain("ran [train");
    }

    /** A relative key path in the environment means another file in another folder: only its own folder is served. */
    @Test
    void shouldServeARelativeKeyPathOnlyInTheServersFolder() throws IOException, InterruptedException {
        environment.put("MLOPS_GIT_SSH_KEY", "keys/id_ed25519");
        Path serverLog = startServer("server.log");
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));

        Result here = mlops(dir, Map.of(), "check", "--help");
        Result there = mlops(elsewhere, Map.of(), "check", "--help");

        assertThat(here.output()).doesNotContain("not using the server");
        assertThat(there.exit()).as(there.output()).isZero();
        assertThat(there.output()).contains("not using the server", "MLOPS_GIT_SSH_KEY is a relative path");
        assertThat(Files.readString(serverLog)).containsOnlyOnce("ran [check, --help]");
    }

    /** Ctrl-C (SIGTERM here) on the client cancels the training in the server: recorded, container removed. */
    @Test
    void shouldCancelTheTrainingWhenTheClientIsStopped() throws IOException, InterruptedException {
        startServer("server.log");
        Files.writeString(dir.resolve("train.py"), "import time\nprint('started', flush=True)\ntime.sleep(120)\n");
        Path output = dir.resolve("client.log");
        Process client = client(dir, Map.of(), output, "train", "--image", "mlops/sklearn:0.1", "--entry",
                "train.py");

        await(() -> read(output).contains("started"), "the training never started: " + read(output));
        client.destroy();

        assertThat(client.waitFor(30, TimeUnit.SECONDS)).isTrue();
        await(() -> new RunStateStore(dir).load().flatMap(s -> s.trial(1)).map(t -> t.state().isFinished())
                .orElse(false), "the trial was never recorded as ended");
        RunState state = new RunStateStore(dir).load().orElseThrow();
        assertThat(state.trial(1).orElseThrow().state()).isEqualTo(TrialState.CANCELLED);
        assertThat(read(output)).as("the outcome printed after the cancel still reaches the client")
                .contains("CANCELLED in").doesNotContain("lost the connection");
        assertThat(RunContainers.of(state.runId())).isEmpty();
    }

    /** One server per socket; a killed server's socket file makes clients run themselves and is replaced. */
    @Test
    void shouldRefuseASecondServerAndReplaceAKilledOnesSocket() throws IOException, InterruptedException {
        startServer("first.log");
        Result second = mlops(dir, Map.of(), "serve");
        assertThat(second.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(second.output()).contains("Another mlops serve already listens on " + dir.resolve("serve.sock"));

        servers.remove(0).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(dir.resolve("serve.sock")).exists();
        Result report = mlops(dir, Map.of(), "detect", "--help");
        assertThat(report.exit()).isZero();
        assertThat(report.output()).contains("Usage: mlops detect").doesNotContain("not using the server");

        Path log = startServer("second.log");
        assertThat(mlops(dir, Map.of(), "detect", "--help").exit()).isZero();
        assertThat(Files.readString(log)).contains("ran [detect, --help]");
    }

    /** A server given --socket serves clients that name it in MLOPS_SERVER_SOCKET; it never takes a plain file. */
    @Test
    void shouldServeOnAGivenSocketAndNeverReplaceAFile() throws IOException, InterruptedException {
        Path socket = dir.resolve("given.sock");
        environment.remove(ServerProtocol.SOCKET_VARIABLE);
        Path log = dir.resolve("given.log");
        servers.add(client(dir, Map.of(), log, "serve", "--socket", socket.toString(), "--idle-minutes", "5"));
        await(() -> read(log).contains("listening on"), "the server did not start: " + read(log));

        Result help = mlops(dir, Map.of(ServerProtocol.SOCKET_VARIABLE, socket.toString()), "check", "--help");

        assertThat(help.exit()).as(help.output()).isZero();
        assertThat(help.output()).doesNotContain("not using the server");
        assertThat(Files.readString(log)).contains("ran [check, --help]");
        Path file = Files.writeString(dir.resolve("mlops.yml"), "target: 0.9\n");
        Result refused = mlops(dir, Map.of(), "serve", "--socket", file.toString());
        assertThat(refused.exit()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.output()).contains("exists and is not a socket");
        assertThat(file).hasContent("target: 0.9");
    }

    private Path startServer(final String logName) throws IOException, InterruptedException {
        Path log = dir.resolve(logName);
        servers.add(client(dir, Map.of(), log, "serve", "--idle-minutes", "5"));
        await(() -> read(log).contains("listening on"), "the server did not start: " + read(log));
        return log;
    }

    private Process client(final Path folder, final Map<String, String> extra, final Path output,
            final String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(extra);
        return builder.start();
    }

    private Result mlops(final Path folder, final Map<String, String> extra, final String... args)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile(dir, "client", ".log");
        Process process = client(folder, extra, output, args);
        assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as(String.join(" ", args)).isTrue();
        return new Result(process.exitValue(), Files.readString(output));
    }

    private record Result(int exit, String output) {
    }

    private static void await(final Supplier<Boolean> condition, final String failure) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            if (condition.get()) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError(failure);
    }

    private static String read(final Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        }
        catch (IOException e) {
            return "";
        }
    }
}
