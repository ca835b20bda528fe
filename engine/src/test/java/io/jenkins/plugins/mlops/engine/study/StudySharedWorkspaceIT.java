package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.pipeline.Chain;
import io.jenkins.plugins.mlops.engine.pipeline.ChainRequest;
import io.jenkins.plugins.mlops.engine.pipeline.ChainResult;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `mlops run` copies the workspace once per study into a volume its trials share, and the volume is gone when the
 * study ends: after trials that passed and failed, and after an abort while a trial trains.
 */
@RequiresDocker
class StudySharedWorkspaceIT {
    private static final String CHAIN_LABEL = "io.jenkins.plugins.mlops.run";
    private static final String CONFIG = """
            image: mlops/sklearn:0.1
            entry: train.py
            target: 0.99
            max_trials: 3
            max_failed_trials: 3
            sampler: random
            search_space:
              seed: {type: int, low: 1, high: 1000}
            """;

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

    /** Three trials, the second failing: one copy for all, each trial's own files apart, no volume left. */
    @Test
    void shouldCopyOnceAndRemoveTheVolumeAfterTheStudy() throws IOException, InterruptedException {
        Files.writeString(workspace.resolve("mlops.yml"), CONFIG);
        Files.writeString(workspace.resolve("data.txt"), "shared");
        Files.writeString(workspace.resolve("train.py"), """
                import os, pathlib
                n = int(os.environ["MLOPS_TRIAL"])
                if n == 2:
                    raise SystemExit(4)
                assert pathlib.Path("data.txt").read_text() == "shared"
                assert not pathlib.Path("model.pkl").exists(), "a trial saw another trial's model"
                pathlib.Path("model.pkl").write_text(str(n))
                print(f"MLOPS_METRIC accuracy=0.{n}")
                """);
        RunLog log = new RunLog();

        ChainResult result = chain().run(request(), TrainingOutput.discard(), log);

        assertThat(log.getInfoMessages()).filteredOn(line -> line.contains("copied once for the study")).hasSize(1);
        assertThat(result.state().trials()).extracting(TrialRecord::state)
                .containsExactly(TrialState.COMPLETE, TrialState.FAILED, TrialState.COMPLETE);
        assertThat(new TrialWorkspaces(workspace).workDir(3).resolve("model.pkl")).hasContent("3");
        assertThat(new TrialWorkspaces(workspace).workDir(1).resolve("data.txt")).doesNotExist();
        assertThat(volumes(result.state().chainId())).isEmpty();
    }

    /** An abort while a trial trains kills its container and removes the study's volume. */
    @Test
    void shouldRemoveTheVolumeWhenTheRunIsAborted() throws Exception {
        Files.writeString(workspace.resolve("mlops.yml"), CONFIG);
        Files.writeString(workspace.resolve("train.py"), "import time\nprint('started', flush=True)\ntime.sleep(300)\n");
        CountDownLatch started = new CountDownLatch(1);
        TrainingOutput output = new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                started.countDown();
            }

            @Override
            public void stderr(final String line) {
                // not looked at
            }
        };
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread run = new Thread(() -> {
            try {
                chain().run(request(), output, new RunLog());
            }
            catch (RuntimeException e) {
                thrown.set(e);
            }
        });
        run.start();
        assertThat(started.await(3, TimeUnit.MINUTES)).as("the trial started").isTrue();
        String chainId = new ChainStateStore(workspace).load().orElseThrow().chainId();
        // The shared copy, and the training trial's layer and the overlay over both.
        assertThat(volumes(chainId)).hasSize(3).filteredOn(name -> name.startsWith("mlops-shared-")).hasSize(1);

        run.interrupt();
        run.join(TimeUnit.MINUTES.toMillis(2));

        assertThat(run.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(volumes(chainId)).isEmpty();
        assertThat(containers(chainId)).isEmpty();
    }

    private static Chain chain() {
        return new Chain(trainer, new DeveloperNotifier(), Map.of());
    }

    private ChainRequest request() {
        return ChainRequest.of(workspace);
    }

    /** The volumes of run {@code chainId}, as the docker CLI lists them. */
    private static List<String> volumes(final String chainId) throws IOException, InterruptedException {
        return docker("volume", "ls", "-q", "--filter", "label=" + CHAIN_LABEL + "=" + chainId);
    }

    private static List<String> containers(final String chainId) throws IOException, InterruptedException {
        return docker("ps", "-aq", "--filter", "label=" + CHAIN_LABEL + "=" + chainId);
    }

    private static List<String> docker(final String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(out).isZero();
        return out.lines().filter(line -> !line.isBlank()).toList();
    }
}
