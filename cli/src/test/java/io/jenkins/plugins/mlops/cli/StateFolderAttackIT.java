package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The security review's attacks through the tool's own state folder {@code .mlops}, as a repository author performs
 * them, with {@code mlops}, real git and the real dockerd: a planted run.json whose detection names an image outside
 * the operator's allow-list (before the fix {@code mlops train} ran debian:bookworm-slim, although {@code image:} with
 * it in mlops.yml is refused with exit 2), and a repository that commits .mlops itself (a link
 * {@code .mlops/trials -> victim}, a run.json of its own), which is refused before anything reads it.
 */
@RequiresDocker
class StateFolderAttackIT {
    private static final String OUTSIDE_IMAGE = "debian:bookworm-slim";

    @TempDir
    private Path workspace;
    @TempDir
    private Path origin;
    @TempDir
    private Path victim;

    private final InProcessMlops mlops = new InProcessMlops();

    @Test
    void shouldNotTrainAnImageOutsideTheAllowListRecordedInRunJson() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print('trained')\n");
        new ChainStateStore(workspace).save(ChainState.start(UUID.randomUUID().toString()).withDetection(new Detection(
                "train.py", new ModelType(Framework.SKLEARN, Architecture.LOGISTIC_REGRESSION), OUTSIDE_IMAGE, 0.9,
                false, List.of())));

        int exit = mlops.run("train", "--workspace", workspace.toString(), "--timeout", "2m");

        assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mlops.err()).contains(OUTSIDE_IMAGE, "allow-list", "MLOPS_ALLOWED_IMAGES", "run.json");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().trials()).as("no trial ran").isEmpty();
    }

    /**
     * {@code mlops run --url} of a repository that commits the link {@code .mlops/trials -> victim}: refused at the
     * fetch, before the commit is checked out; the victim's files stay and the workspace holds no .mlops of the
     * repository. Before the fix the link was checked out (and, before the link check, trial 1 deleted victim/1).
     */
    @Test
    void shouldRefuseToFetchARepositoryThatTracksTheStateFolder() throws IOException, GitAPIException {
        Files.createDirectories(victim.resolve("1"));
        Files.writeString(victim.resolve("1/keep.txt"), "precious");
        Files.writeString(origin.resolve("train.py"), "print('accuracy: 0.99')\n");
        Files.createDirectories(origin.resolve(".mlops"));
        Files.createSymbolicLink(origin.resolve(".mlops/trials"), victim);
        commitAll(origin);
        Path checkout = workspace.resolve("checkout");

        int exit = mlops.run("run", "--workspace", checkout.toString(), "--url", origin.toUri().toString(),
                "--image", "mlops/sklearn:0.1", "--entry", "train.py", "--no-publish", "--quiet");

        assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mlops.err()).contains("tracks .mlops/trials", "Remove .mlops from the repository");
        assertThat(victim.resolve("1/keep.txt")).hasContent("precious");
        assertThat(victim.resolve("1/work")).doesNotExist();
        assertThat(checkout.resolve(".mlops/trials")).doesNotExist();
        assertThat(checkout.resolve("train.py")).doesNotExist();
    }

    /**
     * A checkout (as Jenkins' own Git SCM leaves it) that tracks its own .mlops/run.json: {@code mlops train} refuses
     * it with exit 2 naming the file, before reading it. Before the fix it trained what the planted run.json named.
     */
    @Test
    void shouldRefuseACheckoutThatTracksRunJson() throws IOException, GitAPIException {
        Files.writeString(workspace.resolve("train.py"), "print('trained')\n");
        new ChainStateStore(workspace).save(ChainState.start(UUID.randomUUID().toString()).withDetection(new Detection(
                "train.py", new ModelType(Framework.SKLEARN, Architecture.LOGISTIC_REGRESSION), "mlops/sklearn:0.1",
                0.9, false, List.of())));
        commitAll(workspace);

        int exit = mlops.run("train", "--workspace", workspace.toString(), "--timeout", "2m");

        assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(mlops.err()).contains("tracks .mlops/run.json", "Remove .mlops from the repository");
        assertThat(mlops.out()).doesNotContain("trained");
    }

    /**
     * {@code mlops train --sweep} in a checkout that tracks a run.json naming another chain's id (a build's, on the
     * shared daemon): refused with exit 2, and that chain's container stays. Before the fix the sweep read the planted
     * id unchecked and force-removed the other chain's containers and volumes.
     */
    @Test
    void shouldNotSweepTheChainAPlantedRunJsonNames() throws Exception {
        String other = UUID.randomUUID().toString();
        Process create = new ProcessBuilder("docker", "create", "--label", "io.jenkins.plugins.mlops.run=" + other,
                "--label", "io.jenkins.plugins.mlops.test=StateFolderAttackIT", "mlops/sklearn:0.1", "true")
                .redirectErrorStream(true).start();
        String container = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(create.waitFor()).as(container).isZero();
        try {
            Files.writeString(workspace.resolve("train.py"), "print('trained')\n");
            new ChainStateStore(workspace).save(ChainState.start(other));
            commitAll(workspace);

            int exit = mlops.run("train", "--workspace", workspace.toString(), "--sweep");

            assertThat(exit).as(mlops.out() + mlops.err()).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(mlops.err()).contains("tracks .mlops/run.json", "Remove .mlops from the repository");
            assertThat(RunContainers.of(other)).as("the other chain's container").isNotEmpty();
        }
        finally {
            new ProcessBuilder("docker", "rm", "-f", container).redirectErrorStream(true).start().waitFor();
        }
    }

    private static void commitAll(final Path dir) throws GitAPIException {
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("a model, and the tool's state folder").setAuthor("Eve", "eve@example.com")
                    .setCommitter("Eve", "eve@example.com").setSign(false).call();
        }
    }
}
