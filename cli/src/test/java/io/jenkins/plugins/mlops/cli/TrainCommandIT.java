package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops train} against the real dockerd: streams, records the trial, exits 0/1/2. */
@RequiresDocker
class TrainCommandIT {
    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A training that exits 0: its output is printed, the trial is recorded complete with the image, exit 0. */
    @Test
    void shouldTrainAndRecordTheTrial() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                import json, os
                print("lr", json.loads(os.environ["MLOPS_PARAMS"])["lr"])
                open("accuracy.txt", "w").write("0.95")
                print("MLOPS_METRIC accuracy=0.95")
                """);

        int exit = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1",
                "--entry", "train.py", "--params", "{\"lr\": 0.1}", "--timeout", "5m", "--memory", "1g");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("lr 0.1", "MLOPS_METRIC accuracy=0.95", "COMPLETE");
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        TrialRecord trial = state.trial(1).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial.imageDigest()).startsWith("sha256:");
        assertThat(trial.params()).containsEntry("lr", 0.1);
        assertThat(workspace.resolve("accuracy.txt")).hasContent("0.95");
    }

    /** Without --image and --entry, the detection in run.json names them; --trial sets the number. */
    @Test
    void shouldTakeImageAndEntryFromTheDetection() throws IOException {
        Files.createDirectories(workspace.resolve("src"));
        Files.writeString(workspace.resolve("src/fit.py"), "print('detected entry ran')\n");
        ChainStateStore store = new ChainStateStore(workspace);
        store.save(ChainState.start("run-detected").withDetection(new Detection("src/fit.py",
                new ModelType(Framework.SKLEARN, Architecture.LOGISTIC_REGRESSION), "mlops/sklearn:0.1", 0.9, false,
                List.of())));

        int exit = run("train", "--workspace", workspace.toString(), "--trial", "7");

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString()).contains("detected entry ran");
        assertThat(store.load().orElseThrow().trial(7).orElseThrow().state()).isEqualTo(TrialState.COMPLETE);
    }

    /** A failing script exits 1 and is recorded as FAILED with its last lines; the next trial gets number 2. */
    @Test
    void shouldRecordAFailedTrial() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "import sys\nprint('boom')\nsys.exit(4)\n");

        int first = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1",
                "--entry", "train.py", "--quiet");
        int second = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1",
                "--entry", "train.py", "--quiet", "--json");

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(1);
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.trials()).extracting(TrialRecord::number, TrialRecord::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, TrialState.FAILED),
                        org.assertj.core.groups.Tuple.tuple(2, TrialState.FAILED));
        assertThat(state.trial(1).orElseThrow().message()).contains("exited with code 4", "boom");
        assertThat(out.toString()).contains("\"state\":\"FAILED\"");
    }

    /** Bad input (a dataset that does not exist, params that are not JSON) exits 2. */
    @Test
    void shouldExit2OnBadInput() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print(1)\n");

        int missingDataset = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1",
                "--entry", "train.py", "--dataset", workspace.resolve("nope").toString());
        int badParams = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1",
                "--entry", "train.py", "--params", "lr=1");
        int noEntry = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1");

        assertThat(missingDataset).isEqualTo(2);
        assertThat(badParams).isEqualTo(2);
        assertThat(noEntry).isEqualTo(2);
        assertThat(err.toString()).contains("does not exist", "--params", "--entry");
    }

    /** --sweep removes the containers a crashed chain left behind, and nothing is trained. */
    @Test
    void shouldSweepLeftoversOfTheRun() throws Exception {
        ChainStateStore store = new ChainStateStore(workspace);
        store.save(ChainState.start(UUID.randomUUID().toString()));
        String chainId = store.load().orElseThrow().chainId();
        Process create = new ProcessBuilder("docker", "create", "--label", "io.jenkins.plugins.mlops.run=" + chainId,
                "mlops/sklearn:0.1", "true").start();
        assertThat(create.waitFor()).isZero();

        int exit = run("train", "--workspace", workspace.toString(), "--sweep");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("Removed 1 leftover container(s)");
        assertThat(store.load().orElseThrow().trials()).isEmpty();
    }

    private int run(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
