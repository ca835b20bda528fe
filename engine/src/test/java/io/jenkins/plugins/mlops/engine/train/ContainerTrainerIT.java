package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training in real containers on the real dockerd, with the sklearn and pytorch trainer images. */
@RequiresDocker
class ContainerTrainerIT {
    private static ContainerTrainer trainer;

    @TempDir
    private Path workspace;

    @BeforeAll
    static void connect() {
        trainer = ContainerTrainer.fromEnvironment();
    }

    @AfterAll
    static void disconnect() {
        trainer.close();
    }

    /** A digits training reports its accuracy line, and its model file comes back into the workspace. */
    @Test
    void shouldTrainDigitsAndReportAccuracy() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import joblib
                from sklearn.datasets import load_digits
                from sklearn.linear_model import LogisticRegression
                from sklearn.model_selection import train_test_split
                X, y = load_digits(return_X_y=True)
                X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
                model = LogisticRegression(max_iter=2000).fit(X_train, y_train)
                accuracy = model.score(X_test, y_test)
                joblib.dump(model, "model.joblib")
                open("accuracy.txt", "w").write(str(accuracy))
                print(f"MLOPS_METRIC accuracy={accuracy:.4f}")
                """);

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), fixture.output(),
                new RunLog());

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(result.metricLines()).singleElement().asString().startsWith("MLOPS_METRIC accuracy=0.9");
        assertThat(result.artifacts()).containsExactlyInAnyOrder("model.joblib", "accuracy.txt");
        assertThat(workspace.resolve("model.joblib")).isNotEmptyFile();
        assertThat(result.imageId()).startsWith("sha256:");
        assertThat(fixture.containers()).isEmpty();
    }

    /** A line printed before a 5 s sleep reaches the caller while the container still runs. */
    @Test
    void shouldStreamTheFirstLineWhileTheContainerRuns() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import time
                print("epoch 1")
                time.sleep(5)
                print("epoch 2")
                """);
        AtomicReference<String> stateAtFirstLine = new AtomicReference<>();
        AtomicBoolean secondLineSeenFirst = new AtomicBoolean();
        TrainingOutput output = new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                if ("epoch 1".equals(line)) {
                    stateAtFirstLine.set(fixture.containers().get(0).getState());
                }
                else if (stateAtFirstLine.get() == null) {
                    secondLineSeenFirst.set(true);
                }
            }

            @Override
            public void stderr(final String line) {
                // no stderr expected
            }
        };

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), output, new RunLog());

        assertThat(result.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(stateAtFirstLine.get()).isEqualTo("running");
        assertThat(secondLineSeenFirst).isFalse();
        assertThat(result.lastLines()).containsExactly("epoch 1", "epoch 2");
    }

    /** A script sleeping past a 3 s timeout is killed, recorded as timed out, and its container is gone. */
    @Test
    void shouldKillAtTheTimeout() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("import time\ntime.sleep(120)\n");

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN)
                .timeout(Duration.ofSeconds(3)).build(), fixture.output(), new RunLog());

        assertThat(result.state()).isEqualTo(TrialState.TIMED_OUT);
        assertThat(result.message()).contains("timeout of PT3S");
        assertThat(fixture.containers()).isEmpty();
    }

    /** Allocating beyond a 128 MiB limit is reported as out of memory, naming the limit. */
    @Test
    void shouldReportOutOfMemory() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                blocks = []
                for i in range(64):
                    blocks.append(bytearray(16 * 1024 * 1024))
                print("allocated 1 GiB")
                """);

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN)
                .limits(TrainingRequest.Limits.DEFAULT.withMemoryBytes(128L << 20)).build(), fixture.output(),
                new RunLog());

        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.message()).contains("out of memory", "128 MiB", "OOMKilled");
    }

    /** With the default network (none) a connection to 1.1.1.1 fails inside the container. */
    @Test
    void shouldHaveNoNetworkByDefault() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import socket
                try:
                    socket.create_connection(("1.1.1.1", 53), timeout=3)
                    print("CONNECTED")
                except OSError as e:
                    print("BLOCKED", e)
                """);

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), fixture.output(),
                new RunLog());

        assertThat(result.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).singleElement().asString().startsWith("BLOCKED");
    }

    /** The script does not run as root, even in an image whose user is root (with a hint about /workspace). */
    @Test
    void shouldNeverRunAsRoot() {
        TrainingFixture fixture = new TrainingFixture(workspace);

        TrainingResult ours = trainer.train(fixture.request(TrainingFixture.SKLEARN)
                .command(List.of("id", "-u")).build(), fixture.output(), new RunLog());
        RunLog rootLog = new RunLog();
        TrainingResult rootImage = trainer.train(fixture.request("debian:bookworm-slim")
                .command(List.of("id", "-u")).build(), fixture.output(), rootLog);

        assertThat(ours.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(rootLog.getInfoMessages()).anyMatch(line -> line.startsWith("Warning: /workspace"));
        assertThat(rootImage.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).containsExactly("1000", "1000");
    }

    /** The root filesystem is read-only; /tmp and every folder of the workspace are writable. */
    @Test
    void shouldWriteOnlyWhereTrainingNeedsTo() throws IOException {
        Files.createDirectories(workspace.resolve("data/raw"));
        Files.writeString(workspace.resolve("data/raw/x.csv"), "1,2\n");
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import os
                for path in ["/etc/x", "/tmp/x", "/workspace/data/raw/y", "/workspace/out.txt"]:
                    try:
                        open(path, "w").write("x")
                        print(path, "writable")
                    except OSError:
                        print(path, "read-only")
                """);

        trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), fixture.output(), new RunLog());

        assertThat(fixture.stdout).containsExactly("/etc/x read-only", "/tmp/x writable",
                "/workspace/data/raw/y writable", "/workspace/out.txt writable");
    }

    /** Parameters arrive as env MLOPS_PARAMS and as .mlops/params.json. */
    @Test
    void shouldPassParameters() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import json, os
                print(json.loads(os.environ["MLOPS_PARAMS"])["lr"])
                print(json.load(open(".mlops/params.json"))["layers"])
                """);

        trainer.train(fixture.request(TrainingFixture.SKLEARN).params(Map.of("lr", 0.01, "layers", 3)).build(),
                fixture.output(), new RunLog());

        assertThat(fixture.stdout).containsExactly("0.01", "3");
    }

    /** A non-zero exit is a failure whose message holds the last lines, stderr included. */
    @Test
    void shouldReportFailureWithLastLines() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("raise ValueError('bad shape (3, 4)')\n");

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), fixture.output(),
                new RunLog());

        assertThat(result.state()).isEqualTo(TrialState.FAILED);
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.message()).contains("exited with code 1", "ValueError: bad shape (3, 4)");
        assertThat(fixture.stderr).contains("ValueError: bad shape (3, 4)");
    }

    /** A workspace of 2,000 files / 50 MB goes in whole, and the model file the script writes comes out. */
    @Test
    void shouldCopyALargeWorkspaceInAndTheModelOut() throws IOException {
        byte[] content = new byte[25 * 1024];
        for (int i = 0; i < 2000; i++) {
            Path file = workspace.resolve("data/part" + i / 100 + "/sample" + i + ".bin");
            Files.createDirectories(file.getParent());
            content[0] = (byte) i;
            Files.write(file, content);
        }
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import os, pickle
                files = [os.path.join(d, f) for d, _, fs in os.walk("data") for f in fs]
                print(len(files), sum(os.path.getsize(f) for f in files))
                os.makedirs("out", exist_ok=True)
                pickle.dump({"weights": [1, 2, 3]}, open("out/model.pkl", "wb"))
                """);

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), fixture.output(),
                new RunLog());

        assertThat(fixture.stdout).containsExactly("2000 " + 2000 * 25 * 1024);
        assertThat(result.artifacts()).containsExactly("out/model.pkl");
        assertThat(workspace.resolve("out/model.pkl")).isNotEmptyFile();
    }

    /** Interrupting the training thread (a Jenkins abort) cancels the trial and leaves no container. */
    @Test
    void shouldCancelOnInterrupt() throws Exception {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import time
                print("started")
                time.sleep(120)
                """);
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        AtomicBoolean interruptKept = new AtomicBoolean();
        Thread[] training = new Thread[1];
        TrainingOutput interruptAtStart = new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                training[0].interrupt();
            }

            @Override
            public void stderr(final String line) {
                // not expected
            }
        };
        training[0] = new Thread(() -> {
            result.set(trainer.train(fixture.request(TrainingFixture.SKLEARN).build(), interruptAtStart,
                    new RunLog()));
            interruptKept.set(Thread.currentThread().isInterrupted());
        });

        training[0].start();
        training[0].join(Duration.ofMinutes(2).toMillis());

        assertThat(result.get().state()).isEqualTo(TrialState.CANCELLED);
        assertThat(interruptKept).isTrue();
        assertThat(fixture.containers()).isEmpty();
    }
}
