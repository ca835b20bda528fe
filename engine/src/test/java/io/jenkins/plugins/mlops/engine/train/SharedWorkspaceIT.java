package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.ConflictException;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * Trials of one study over one shared copy of the workspace, each through its own layer: each reads the shared files,
 * has its own entry and outputs, sees nothing of the other trial, cannot change the shared copy; and the volumes are
 * gone when the study ends, also after a failed trial, and the sweep removes one a crashed run left.
 */
@RequiresDocker
class SharedWorkspaceIT {
    private static final String SCRIPT = """
            import os, pathlib
            n = os.environ["MLOPS_TRIAL"]
            print(f"trial {n} is trial MARK")
            print(f"trial {n} read: " + pathlib.Path("data/input.txt").read_text() + " via "
                  + os.readlink("latest.txt") + " and " + pathlib.Path("latest.txt").read_text())
            out = pathlib.Path("out")
            print(f"trial {n} saw: {sorted(os.listdir(out)) if out.exists() else []} "
                  f"{pathlib.Path('data/extra.txt').exists()} {pathlib.Path('model.pt').read_text()} "
                  f"{sorted(os.listdir('models'))} {pathlib.Path('data/old.txt').exists()}")
            out.mkdir(exist_ok=True)
            (out / f"from-{n}.txt").write_text(n)
            pathlib.Path("data/extra.txt").write_text(n)
            pathlib.Path("models/best.pt").write_text(f"best of {n}")
            pathlib.Path("model.pt").write_text(f"weights of {n}")
            pathlib.Path("data/input.txt").write_text(f"changed by {n}")
            os.remove("data/old.txt")
            os.symlink("/workspace/data/input.txt", "stolen.pt")
            print(f"trial {n} now reads: " + pathlib.Path("data/input.txt").read_text())
            print(f"trial {n} sees the shared volume: {os.path.exists('/mlops/shared')}")
            print(f"MLOPS_METRIC accuracy=0.{n}")
            """;

    private static ContainerTrainer trainer;

    @TempDir
    private Path root;

    @BeforeAll
    static void connect() {
        trainer = ContainerTrainer.fromEnvironment();
    }

    @AfterAll
    static void disconnect() {
        trainer.close();
    }

    /**
     * Two trials over one shared copy keep apart, and the shared copy stays as it was: each sees every repository file
     * at its path (the repository's link as a link), creates files in the repository's folders, changes and deletes
     * repository files in its own layer only, and gets back only its own files; a link it made at an artifact's path
     * is refused.
     */
    @Test
    void shouldKeepTrialsApartOverOneSharedCopy() throws IOException {
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        SharedWorkspace shared = trainer.share(workspace, TrainingFixture.SKLEARN, null, fixture.chainId, log);
        List<TrainingResult> results = new java.util.ArrayList<>();
        try {
            assertThat(volumes(fixture.chainId)).hasSize(1);
            for (int trial = 1; trial <= 2; trial++) {
                Path own = Files.createDirectories(root.resolve("trial" + trial));
                Files.writeString(own.resolve("train.py"), SCRIPT.replace("MARK", Integer.toString(trial)));
                TrainingResult result = trainer.train(trialOver(shared, own, fixture.chainId, trial),
                        fixture.output(), log);
                assertThat(result.state()).as(result.message() + "\n" + fixture.stderr).isEqualTo(TrialState.COMPLETE);
                results.add(result);
                assertThat(volumes(fixture.chainId)).as("only the shared copy between trials").hasSize(1);
            }
        }
        finally {
            trainer.unshare(shared, log);
        }

        assertThat(fixture.stdout).contains("trial 1 is trial 1", "trial 2 is trial 2",
                "trial 1 read: shared input via data/input.txt and shared input",
                "trial 2 read: shared input via data/input.txt and shared input",
                "trial 1 saw: [] False old weights ['.gitkeep'] True",
                "trial 2 saw: [] False old weights ['.gitkeep'] True",
                "trial 1 now reads: changed by 1", "trial 2 now reads: changed by 2",
                "trial 2 sees the shared volume: False");
        for (int trial = 1; trial <= 2; trial++) {
            Path own = root.resolve("trial" + trial);
            assertThat(own.resolve("model.pt")).hasContent("weights of " + trial);
            assertThat(own.resolve("models/best.pt")).hasContent("best of " + trial);
            assertThat(own.resolve("data")).doesNotExist();
            assertThat(own.resolve("stolen.pt")).doesNotExist();
            assertThat(results.get(trial - 1).artifacts()).containsExactlyInAnyOrder("model.pt", "models/best.pt");
            assertThat(results.get(trial - 1).notCopied()).singleElement().asString()
                    .startsWith("stolen.pt (not a regular file");
        }
        assertThat(workspace.resolve("model.pt")).hasContent("old weights");
        assertThat(workspace.resolve("data/input.txt")).hasContent("shared input");
        assertThat(workspace.resolve("data/old.txt")).exists();
        assertThat(workspace.resolve("models/best.pt")).doesNotExist();
        assertThat(volumes(fixture.chainId)).isEmpty();
        assertThat(fixture.containers()).isEmpty();
    }

    /** A failed trial leaves the volume to unshare, which removes it; the sweep removes one nobody unshared. */
    @Test
    void shouldRemoveTheVolumeAfterAFailedTrialAndSweepALeftOne() throws IOException {
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        SharedWorkspace shared = trainer.share(workspace, TrainingFixture.SKLEARN, null, fixture.chainId, log);
        try {
            Path own = Files.createDirectories(root.resolve("failing"));
            Files.writeString(own.resolve("train.py"), "raise SystemExit(3)\n");
            TrainingResult result = trainer.train(trialOver(shared, own, fixture.chainId, 1), fixture.output(),
                    log);
            assertThat(result.state()).isEqualTo(TrialState.FAILED);
            assertThat(result.exitCode()).isEqualTo(3);
        }
        finally {
            trainer.unshare(shared, log);
        }
        assertThat(volumes(fixture.chainId)).isEmpty();

        trainer.share(workspace, TrainingFixture.SKLEARN, null, fixture.chainId, log);
        assertThat(volumes(fixture.chainId)).hasSize(1);

        assertThat(trainer.sweepOrphans(fixture.chainId)).isEqualTo(1);
        assertThat(volumes(fixture.chainId)).isEmpty();
        assertThat(log.getErrorMessages()).noneMatch(line -> line.contains("Could not remove"));
    }

    /**
     * An image that runs as root (so the trial runs as the fallback user) and never gave {@code /workspace} to that
     * user: the trial still sees the shared copy's top-level files and folders, and writes its own.
     */
    @Test
    void shouldTrainOverTheSharedCopyWhereTheImageKeepsWorkspaceToRoot() throws IOException {
        String image = TestImages.build("mlops-test/root-workspace:1", "FROM " + TrainingFixture.SKLEARN
                + "\nUSER root\nRUN chown root:root /workspace && chmod 755 /workspace\n", Map.of());
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        SharedWorkspace shared = trainer.share(workspace, image, null, fixture.chainId, log);
        TrainingResult result;
        try {
            Path own = Files.createDirectories(root.resolve("trial1"));
            Files.writeString(own.resolve("train.py"), """
                    import pathlib
                    print("read: " + pathlib.Path("data/input.txt").read_text() + " and "
                          + pathlib.Path("latest.txt").read_text())
                    pathlib.Path("data/extra.txt").write_text("mine")
                    pathlib.Path("model.pt").write_text("mine")
                    print("MLOPS_METRIC accuracy=0.91")
                    """);
            result = trainer.train(trialOver(shared, own, image, fixture.chainId, 1), fixture.output(), log);
        }
        finally {
            trainer.unshare(shared, log);
        }

        assertThat(result.state()).as(result.message() + "\n" + fixture.stderr).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).contains("read: shared input and shared input");
        assertThat(result.notCopied()).isEmpty();
        assertThat(root.resolve("trial1/model.pt")).hasContent("mine");
        assertThat(volumes(fixture.chainId)).isEmpty();
    }

    /**
     * An image whose user is a name (resolved by the daemon in the image's passwd, not by the tool): the shared copy
     * and the trial's layer belong to that user, so the trial writes at the top level and into the repository's
     * folders, and changes a repository file.
     */
    @Test
    void shouldTrainOverTheSharedCopyAsAUserGivenByName() throws IOException {
        String image = TestImages.build("mlops-test/user-by-name:1", "FROM " + TrainingFixture.SKLEARN
                + "\nUSER trainer\n", Map.of());
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        SharedWorkspace shared = trainer.share(workspace, image, null, fixture.chainId, log);
        TrainingResult result;
        try {
            Path own = Files.createDirectories(root.resolve("trial1"));
            Files.writeString(own.resolve("train.py"), """
                    import os, pathlib
                    pathlib.Path("models/best.pt").write_text("best")
                    pathlib.Path("data/input.txt").write_text("changed")
                    pathlib.Path("model.pt").write_text("mine")
                    print(f"uid {os.getuid()} owns {os.stat('.').st_uid} {os.stat('data').st_uid}")
                    print("MLOPS_METRIC accuracy=0.91")
                    """);
            result = trainer.train(trialOver(shared, own, image, fixture.chainId, 1), fixture.output(), log);
        }
        finally {
            trainer.unshare(shared, log);
        }

        assertThat(result.state()).as(result.message() + "\n" + fixture.stderr).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).contains("uid 1000 owns 1000 1000");
        assertThat(result.notCopied()).isEmpty();
        assertThat(root.resolve("trial1/model.pt")).hasContent("mine");
        assertThat(root.resolve("trial1/models/best.pt")).hasContent("best");
        assertThat(workspace.resolve("data/input.txt")).hasContent("shared input");
        assertThat(volumes(fixture.chainId)).isEmpty();
    }

    /**
     * While a trial trains over the shared copy, its volume is in use: a sweep racing the study (here the removal
     * the sweep makes) cannot pull the lower layer away from under the trial's workspace.
     */
    @Test
    void shouldKeepTheSharedCopyInUseWhileATrialTrains() throws Exception {
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        SharedWorkspace shared = trainer.share(workspace, TrainingFixture.SKLEARN, null, fixture.chainId, log);
        CountDownLatch started = new CountDownLatch(1);
        TrainingOutput recorded = fixture.output();
        TrainingOutput output = new TrainingOutput() {
            @Override
            public void stdout(final String line) {
                recorded.stdout(line);
                started.countDown();
            }

            @Override
            public void stderr(final String line) {
                recorded.stderr(line);
            }
        };
        AtomicReference<TrainingResult> result = new AtomicReference<>();
        try {
            Path own = Files.createDirectories(root.resolve("trial1"));
            Files.writeString(own.resolve("train.py"), """
                    import pathlib, time
                    print("started", flush=True)
                    time.sleep(4)
                    print("read: " + pathlib.Path("data/input.txt").read_text())
                    print("MLOPS_METRIC accuracy=0.91")
                    """);
            Thread trial = new Thread(() -> result.set(trainer.train(trialOver(shared, own, fixture.chainId, 1), output,
                    log)));
            trial.start();
            assertThat(started.await(2, TimeUnit.MINUTES)).isTrue();
            try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
                assertThatThrownBy(() -> docker.removeVolumeCmd(shared.volume()).exec())
                        .isInstanceOf(ConflictException.class);
            }
            trial.join(TimeUnit.MINUTES.toMillis(2));
        }
        finally {
            trainer.unshare(shared, log);
        }
        assertThat(result.get().state()).as(result.get().message()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).contains("read: shared input");
        assertThat(volumes(fixture.chainId)).isEmpty();
    }

    /**
     * A daemon that cannot mount a trial's layer is found out by the probe (then each trial gets a full copy), which
     * leaves nothing behind: here a lower folder that does not exist on the Docker host, and a folder name that
     * would smuggle its own options into the overlay's mount options, which is refused before any call.
     */
    @Test
    void shouldFindOutWhenALayerCannotBeMounted() throws IOException {
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        Map<String, String> labels = Map.of(ContainerSpec.CHAIN_LABEL, fixture.chainId, ContainerSpec.TRIAL_LABEL, "0");
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            TrainerImage image = TrainerImage.ensure(docker, TrainingFixture.SKLEARN, null, new RunLog());

            assertThat(TrialLayer.works(docker, docker, new SharedWorkspace("none", "/nonexistent/mlops-lower",
                    workspace, 0), image, labels)).isFalse();
            assertThat(TrialLayer.works(docker, docker, new SharedWorkspace("none", "/tmp,upperdir=/etc",
                    workspace, 0), image, labels)).isFalse();
        }
        assertThat(volumes(fixture.chainId)).isEmpty();
        assertThat(fixture.containers()).isEmpty();
    }

    /**
     * On a daemon that cannot mount the trials' layers each trial gets the whole workspace with its own entry in place
     * (said in the log), and no volume is made. Before the fix such a trial got only its own entry: the repository's
     * data and modules were missing.
     */
    @Test
    void shouldGiveEachTrialTheWholeWorkspaceWithoutLayers() throws IOException {
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        try (ContainerTrainer plain = ContainerTrainer.fromEnvironment().withoutLayers()) {
            SharedWorkspace shared = plain.share(workspace, TrainingFixture.SKLEARN, null, fixture.chainId, log);
            assertThat(shared.layered()).isFalse();
            assertThat(volumes(fixture.chainId)).isEmpty();
            Path own = Files.createDirectories(root.resolve("trial1"));
            Files.writeString(own.resolve("train.py"), """
                    import pathlib
                    print("read: " + pathlib.Path("data/input.txt").read_text())
                    pathlib.Path("model.pt").write_text("weights of 1")
                    print("MLOPS_METRIC accuracy=0.5")
                    """);
            TrainingResult result = plain.train(trialOver(shared, own, fixture.chainId, 1), fixture.output(),
                    log);
            plain.unshare(shared, log);

            assertThat(result.state()).as(result.message() + "\n" + fixture.stderr).isEqualTo(TrialState.COMPLETE);
            assertThat(fixture.stdout).contains("read: shared input");
            assertThat(own.resolve("model.pt")).hasContent("weights of 1");
            assertThat(workspace.resolve("model.pt")).hasContent("old weights");
            assertThat(volumes(fixture.chainId)).isEmpty();
        }
    }

    /**
     * A shared copy swept while its study ran (between two trials nothing mounts it): the next trial fails saying so.
     * Before the fix the trial's holder made the daemon create an empty, unlabelled volume of that name, which the
     * trial trained over (without the repository) and no sweep ever removed.
     */
    @Test
    void shouldFailATrialWhoseSharedCopyIsGone() throws Exception {
        Path workspace = workspace();
        TrainingFixture fixture = new TrainingFixture(workspace);
        RunLog log = new RunLog();
        SharedWorkspace shared = trainer.share(workspace, TrainingFixture.SKLEARN, null, fixture.chainId, log);
        try {
            assertThat(new ProcessBuilder("docker", "volume", "rm", shared.volume()).start().waitFor()).isZero();
            Path own = Files.createDirectories(root.resolve("trial1"));
            Files.writeString(own.resolve("train.py"), "print('trained')\n");

            assertThatThrownBy(() -> trainer.train(trialOver(shared, own, fixture.chainId, 1),
                    fixture.output(), log)).hasMessageContaining(shared.volume()).hasMessageContaining("is gone");
            assertThat(fixture.stdout.toString()).doesNotContain("trained");
            Process listed = new ProcessBuilder("docker", "volume", "ls", "-q", "--filter", "name=" + shared.volume())
                    .start();
            assertThat(new String(listed.getInputStream().readAllBytes()).trim()).isEmpty();
        }
        finally {
            trainer.unshare(shared, log);
        }
    }

    /** Trial {@code number} of chain {@code chainId}: {@code own}'s train.py in {@code image} over {@code shared}. */
    private static TrainingRequest trialOver(final SharedWorkspace shared, final Path own, final String image,
            final String chainId, final int number) {
        return TrainingRequest.builder(own, image, "train.py").trial(chainId, number).timeout(Duration.ofMinutes(5))
                .shared(shared).build();
    }

    /** As {@link #trialOver(SharedWorkspace, Path, String, String, int)} in the scikit-learn image. */
    private static TrainingRequest trialOver(final SharedWorkspace shared, final Path own, final String chainId,
            final int number) {
        return trialOver(shared, own, TrainingFixture.SKLEARN, chainId, number);
    }

    private Path workspace() throws IOException {
        Path workspace = Files.createDirectories(root.resolve("workspace"));
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/input.txt"), "shared input");
        Files.writeString(workspace.resolve("data/old.txt"), "to delete");
        Files.createDirectories(workspace.resolve("models"));
        Files.writeString(workspace.resolve("models/.gitkeep"), "");
        Files.createSymbolicLink(workspace.resolve("latest.txt"), Path.of("data/input.txt"));
        Files.writeString(workspace.resolve("model.pt"), "old weights");
        Files.writeString(workspace.resolve("train.py"), "raise SystemExit('the shared entry ran, not the trial's')\n");
        return workspace;
    }

    /** The shared volumes of run {@code chainId}. */
    static List<InspectVolumeResponse> volumes(final String chainId) {
        try (DockerClient docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            List<InspectVolumeResponse> volumes = docker.listVolumesCmd()
                    .withFilter("label", List.of(ContainerSpec.CHAIN_LABEL + "=" + chainId)).exec().getVolumes();
            return volumes == null ? List.of() : volumes;
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
