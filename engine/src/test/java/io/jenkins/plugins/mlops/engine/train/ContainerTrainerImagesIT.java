package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real containers: notebooks, the pytorch image, datasets, missing images and the sweep of a crashed run's leftovers. */
@RequiresDocker
class ContainerTrainerImagesIT {
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

    /** A notebook entry runs its code cells in the notebook's folder. */
    @Test
    void shouldRunANotebook() throws IOException {
        Files.createDirectories(workspace.resolve("notebooks"));
        Files.writeString(workspace.resolve("notebooks/train.ipynb"), """
                {"cells": [{"cell_type": "code", "source": ["%matplotlib inline\\n", "import os\\n"]},
                           {"cell_type": "code", "source": ["print(os.getcwd())"]}], "nbformat": 4}
                """);
        TrainingFixture fixture = new TrainingFixture(workspace);

        TrainingResult result = trainer.train(TrainingRequest.builder(workspace, TrainingFixture.SKLEARN,
                "notebooks/train.ipynb").trial(fixture.chainId, 1).build(), fixture.output(), new RunLog());

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).containsExactly("/workspace/notebooks");
    }

    /** The pytorch image imports torch as the non-root user. */
    @Test
    void shouldImportTorchAsNonRoot() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import os, torch
                print(os.getuid(), torch.tensor([1.0, 2.0]).sum().item())
                """);

        TrainingResult result = trainer.train(fixture.request(TrainingFixture.PYTORCH).build(), fixture.output(),
                new RunLog());

        assertThat(result.state()).as(result.message()).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).containsExactly("1000 3.0");
    }

    /**
     * An image whose user is a name and group name: the copy's files get the ids the image's own passwd and group
     * give them (the daemon's copy would look the name up on the Docker host, which has no such user), so the
     * script writes into its workspace and its model comes back.
     */
    @Test
    void shouldCopyInForAUserGivenByName() throws IOException {
        String image = TestImages.build("mlops-test/user-by-name-and-group:1", "FROM " + TrainingFixture.SKLEARN
                + "\nUSER trainer:trainer\n", Map.of());
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                import os, pathlib
                pathlib.Path("model.pt").write_text("weights")
                print(os.getuid(), os.getgid(), os.stat("train.py").st_uid, os.stat("train.py").st_gid)
                """);

        TrainingResult result = trainer.train(fixture.request(image).build(), fixture.output(), new RunLog());

        assertThat(result.state()).as(result.message() + "\n" + fixture.stderr).isEqualTo(TrialState.COMPLETE);
        assertThat(fixture.stdout).containsExactly("1000 1000 1000 1000");
        assertThat(workspace.resolve("model.pt")).hasContent("weights");
    }

    /** A dataset folder is mounted read-only at /data. */
    @Test
    void shouldMountTheDatasetReadOnly(@TempDir final Path dataset) throws IOException {
        Files.writeString(dataset.resolve("train.csv"), "a,b\n");
        // The script runs as uid 1000: the dataset must be readable by others, as real shared datasets are.
        Files.setPosixFilePermissions(dataset, PosixFilePermissions.fromString("rwxr-xr-x"));
        TrainingFixture fixture = new TrainingFixture(workspace).script("""
                print(open("/data/train.csv").read().strip())
                try:
                    open("/data/new.csv", "w")
                    print("writable")
                except OSError:
                    print("read-only")
                """);

        trainer.train(fixture.request(TrainingFixture.SKLEARN).dataset(dataset.toString(), "/data").build(),
                fixture.output(), new RunLog());

        assertThat(fixture.stdout).as(String.join("\n", fixture.stderr)).containsExactly("a,b", "read-only");
    }

    /** A missing dataset folder is an input error before any container starts. */
    @Test
    void shouldRefuseAMissingDatasetBeforeStarting() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("print('never')\n");
        TrainingRequest request = fixture.request(TrainingFixture.SKLEARN)
                .dataset(workspace.resolve("no-such-data").toString(), "/data").build();

        assertThatThrownBy(() -> trainer.train(request, fixture.output(), new RunLog()))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("no-such-data").hasMessageContaining("--dataset");
        assertThat(fixture.containers()).isEmpty();
    }

    /** A missing image without a Dockerfile folder fails with the command that builds it. */
    @Test
    void shouldNameTheBuildCommandForAMissingImage() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace).script("print('never')\n");
        TrainingRequest request = fixture.request("mlops/no-such-image:0.0").build();

        assertThatThrownBy(() -> trainer.train(request, fixture.output(), new RunLog()))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("docker build -t mlops/no-such-image:0.0 ");
    }

    /** A missing image is built from the configured Dockerfile folder, with the build output in the log. */
    @Test
    void shouldBuildAMissingImageFromItsDockerfile(@TempDir final Path dockerfileDir) throws IOException {
        String image = "mlops/it-built:" + Long.toHexString(System.nanoTime());
        Files.writeString(dockerfileDir.resolve("Dockerfile"), "FROM " + TrainingFixture.SKLEARN
                + "\nLABEL io.jenkins.plugins.mlops.test=built\n");
        TrainingFixture fixture = new TrainingFixture(workspace).script("print('built and ran')\n");
        RunLog log = new RunLog();
        try {
            TrainingResult result = trainer.train(fixture.request(image).dockerfileDir(dockerfileDir).build(),
                    fixture.output(), log);

            assertThat(result.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(fixture.stdout).containsExactly("built and ran");
            assertThat(log.getInfoMessages()).anyMatch(line -> line.startsWith("[docker build]"));
        }
        finally {
            try (var docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
                docker.removeImageCmd(image).withForce(true).exec();
            }
        }
    }

    /** The sweep removes every container left behind by a crashed run. */
    @Test
    void shouldSweepOrphansOfARun() throws IOException {
        TrainingFixture fixture = new TrainingFixture(workspace);
        try (var docker = DockerClientFactory.fromEnvironment().open(Duration.ofSeconds(30))) {
            for (int trial = 1; trial <= 2; trial++) {
                docker.createContainerCmd(TrainingFixture.SKLEARN).withCmd("true")
                        .withLabels(Map.of(ContainerSpec.CHAIN_LABEL, fixture.chainId,
                                ContainerSpec.TRIAL_LABEL, Integer.toString(trial))).exec();
            }
        }

        int removed = trainer.sweepOrphans(fixture.chainId);

        assertThat(removed).isEqualTo(2);
        assertThat(fixture.containers()).isEmpty();
    }
}
