package io.jenkins.plugins.mlops.engine.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Attacks of a pushed repository through its mlops.yml on the host (issue 13.2, 12.8, 13.3): each setting that
 * touches the host, the network, an image, a remote or a mailbox is refused unless the operator allows it, naming
 * the key; the same values set by the operator or the user are trusted.
 */
class RepositoryChecksTest {
    @TempDir
    Path root;

    /** {@code train.dataset: ../../../../} mounted the host's / read-only. */
    @Test
    void shouldRefuseADatasetOutsideTheRepository() throws IOException {
        Path workspace = workspace("train:\n  dataset: ../../../../\n");

        assertRefused(workspace, OperatorPolicy.DEFAULT, "'train.dataset' is '../../../../'", "MLOPS_DATASET_ROOTS");
        assertRefused(workspace("train:\n  dataset: /etc\n"), OperatorPolicy.DEFAULT, "'train.dataset' is '/etc'");
    }

    /**
     * Inside the repository, but the tool's state folder, git's or the whole checkout: mounted into every trial, it
     * showed each trial the other trials' outputs and edits, run.json, the outbox and the publish clone.
     */
    @Test
    void shouldRefuseADatasetOfTheToolsStateOrGit() throws IOException {
        for (String dataset : List.of(".mlops", ".mlops/trials", ".MLOPS/trials", ".git", ".", "./")) {
            Path workspace = workspace("train:\n  dataset: '" + dataset + "'\n");
            Files.createDirectories(workspace.resolve(".mlops/trials/1/work"));
            Files.createDirectories(workspace.resolve(".git"));

            assertRefused(workspace, OperatorPolicy.DEFAULT, "'train.dataset' is '" + dataset + "'", ".mlops");
        }
    }

    /** A symbolic link inside the repository does not lead out of it. */
    @Test
    void shouldRefuseADatasetLinkLeadingOut() throws IOException {
        Path workspace = workspace("train:\n  dataset: data\n");
        Files.createSymbolicLink(workspace.resolve("data"), root.resolve("secret"));
        Files.createDirectories(root.resolve("secret"));

        assertRefused(workspace, OperatorPolicy.DEFAULT, "'train.dataset' is 'data'");
    }

    /** Inside its own folder, or under a root the operator named, a repository's dataset is fine. */
    @Test
    void shouldAcceptADatasetInsideTheRepositoryOrAnOperatorRoot() throws IOException {
        Path workspace = workspace("train:\n  dataset: data\n");
        Files.createDirectories(workspace.resolve("data"));
        assertThat(ConfigLoader.load(workspace).train().dataset()).isEqualTo("data");

        Path shared = Files.createDirectories(root.resolve("datasets/digits"));
        Path other = workspace("train:\n  dataset: " + shared + "\n");
        OperatorPolicy policy = OperatorPolicy.builder().datasetRoots(List.of(root.resolve("datasets"))).build();
        assertThat(ConfigLoader.load(other, null, Overrides.NONE, policy).train().dataset())
                .isEqualTo(shared.toString());
    }

    /** A bare name mounted any Docker volume (and created unknown ones): only volumes the operator named. */
    @Test
    void shouldRefuseAVolumeTheOperatorDidNotName() throws IOException {
        Path workspace = workspace("train:\n  dataset: jenkins_home\n");

        assertRefused(workspace, OperatorPolicy.DEFAULT, "'train.dataset' is 'jenkins_home'", "MLOPS_DATASET_VOLUMES");
        OperatorPolicy policy = OperatorPolicy.builder().datasetVolumes(List.of("jenkins_home")).build();
        assertThat(ConfigLoader.load(workspace, null, Overrides.NONE, policy).train().dataset())
                .isEqualTo("jenkins_home");
    }

    /** Network, GPUs, memory above the operator's limit and a foreign image are the operator's to allow. */
    @Test
    void shouldRefuseHostResourcesTheOperatorDidNotAllow() throws IOException {
        assertRefused(workspace("train:\n  network: bridge\n"), OperatorPolicy.DEFAULT, "'train.network'",
                "MLOPS_ALLOW_NETWORK");
        assertRefused(workspace("train:\n  gpus: true\n"), OperatorPolicy.DEFAULT, "'train.gpus'", "MLOPS_ALLOW_GPUS");
        assertRefused(workspace("train:\n  memory: 64g\n"), OperatorPolicy.DEFAULT, "'train.memory' is '64g'",
                "4096 MiB");
        assertRefused(workspace("image: evil.example.com/miner:latest\n"), OperatorPolicy.DEFAULT, "'image'",
                "mlops/*");

        OperatorPolicy open = OperatorPolicy.builder().repositoryNetwork(true).repositoryGpus(true)
                .maxMemoryBytes(64L << 30).allowedImages(List.of("evil.example.com/*")).build();
        MlopsConfig config = ConfigLoader.load(workspace("image: evil.example.com/miner:latest\ntrain:\n"
                + "  network: bridge\n  gpus: true\n  memory: 64g\n"), null, Overrides.NONE, open);
        assertThat(config.train().network()).isEqualTo("bridge");
        assertThat(config.train().gpus()).isTrue();
        assertThat(config.image()).isEqualTo("evil.example.com/miner:latest");
        assertThat(ConfigLoader.load(workspace("image: mlops/sklearn:0.1\n")).image()).isEqualTo("mlops/sklearn:0.1");
    }

    /** What the operator or the user sets is trusted: the same values pass as options or operator defaults. */
    @Test
    void shouldTrustTheOperatorAndTheUser() throws IOException {
        Path workspace = workspace("");
        OperatorPolicy policy = OperatorPolicy.builder()
                .defaults(Overrides.builder().network("bridge").memoryBytes(64L << 30).build()).build();

        MlopsConfig config = ConfigLoader.load(workspace, null,
                Overrides.builder().image("ghcr.io/team/trainer:1").dataset("/srv/data").gpus(true).build(), policy);

        assertThat(config.train().network()).isEqualTo("bridge");
        assertThat(config.train().dataset()).isEqualTo("/srv/data");
        assertThat(config.origin("train.network")).isEqualTo(ConfigOrigin.OPERATOR);
        assertThat(config.origin("image")).isEqualTo(ConfigOrigin.OPTION);
    }

    /** Recipients from the repository only when the operator allows it (12.8); the operator's own always. */
    @Test
    void shouldRefuseRepositoryRecipientsUnlessAllowed() throws IOException {
        Path workspace = workspace("notify:\n  to: [attacker@example.com]\n");

        assertRefused(workspace, OperatorPolicy.DEFAULT, "'notify.to'", "MLOPS_ALLOW_REPOSITORY_RECIPIENTS");
        assertThat(ConfigLoader.load(workspace, null, Overrides.NONE,
                OperatorPolicy.builder().repositoryRecipients(true).build()).mail().to())
                .containsExactly("attacker@example.com");
        assertThat(ConfigLoader.load(workspace, null, Overrides.builder().recipients("dev@example.com").build(),
                OperatorPolicy.DEFAULT).mail().to()).containsExactly("dev@example.com");
    }

    /** A repository's publish.remote would receive the operator's git credentials (13.3). */
    @Test
    void shouldRefuseARepositoryRemote() throws IOException {
        assertRefused(workspace("publish:\n  remote: https://evil.example.com/loot.git\n"), OperatorPolicy.DEFAULT,
                "'publish.remote'");
        Path config = Files.writeString(root.resolve("ci.yml"), "publish:\n  remote: https://git.example.com/m.git\n");
        assertThat(ConfigLoader.load(workspace(""), config, Overrides.NONE, OperatorPolicy.DEFAULT).publish().remote())
                .isEqualTo("https://git.example.com/m.git");
    }

    /** The CLI's operator speaks through the environment; a bad variable is named. */
    @Test
    void shouldReadTheOperatorFromTheEnvironment() {
        OperatorPolicy policy = OperatorPolicy.fromEnvironment(Map.of("MLOPS_DATASET_ROOTS",
                "/srv/a:/srv/b", "MLOPS_DATASET_VOLUMES", "digits, mnist", "MLOPS_ALLOWED_IMAGES", "team/*",
                "MLOPS_MAX_MEMORY", "8g", "MLOPS_ALLOW_NETWORK", "true", "MLOPS_ALLOW_REPOSITORY_RECIPIENTS", "yes",
                "MLOPS_GIT_COMMITTER_NAME", "CI bot"));

        assertThat(policy.datasetRoots()).containsExactly("/srv/a", "/srv/b");
        assertThat(policy.datasetVolumes()).containsExactlyInAnyOrder("digits", "mnist");
        assertThat(policy.allowsImage("team/x:1")).isTrue();
        assertThat(policy.allowsImage("mlops/sklearn:0.1")).isFalse();
        assertThat(policy.maxMemoryBytes()).isEqualTo(8L << 30);
        assertThat(policy.repositoryNetwork()).isTrue();
        assertThat(policy.repositoryGpus()).isFalse();
        assertThat(policy.repositoryRecipients()).isTrue();
        assertThat(policy.defaults().committerName()).isEqualTo("CI bot");
        assertThatThrownBy(() -> OperatorPolicy.fromEnvironment(Map.of("MLOPS_ALLOW_GPUS", "sure")))
                .hasMessageContaining("MLOPS_ALLOW_GPUS");
        assertThatThrownBy(() -> OperatorPolicy.fromEnvironment(Map.of("MLOPS_DATASET_ROOTS", "data")))
                .hasMessageContaining("MLOPS_DATASET_ROOTS");
    }

    private Path workspace(final String yaml) throws IOException {
        Path workspace = Files.createTempDirectory(Files.createDirectories(root.resolve("jobs/a/b/c")), "ws");
        Files.writeString(workspace.resolve("mlops.yml"), yaml);
        return workspace;
    }

    private static void assertRefused(final Path workspace, final OperatorPolicy policy, final String... fragments) {
        assertThatThrownBy(() -> ConfigLoader.load(workspace, null, Overrides.NONE, policy))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments).contains("mlops.yml"));
    }
}
