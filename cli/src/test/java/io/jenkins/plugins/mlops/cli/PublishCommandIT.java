package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.PublishedModel;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops publish} against a real file:// repository: dry run, publish, and the record in run.json. */
class PublishCommandIT {
    @TempDir
    private Path temp;

    private final InProcessMlops mlops = new InProcessMlops();

    /** The dry run changes nothing; the publish pushes the best trial's files and records where they went. */
    @Test
    void shouldDryRunThenPublishBestTrial() throws Exception {
        Path bare = GitRepositories.createWithFiles(temp, "repo.git",
                Map.of("train.py", "fit()", "mlops.yml", "train:\n  artifacts: ['*.h5']\n"));
        Path workspace = temp.resolve("ws");
        Git.cloneRepository().setURI(GitRepositories.url(bare)).setDirectory(workspace.toFile()).call().close();
        Files.write(workspace.resolve("model.h5"), new byte[] {4, 2});
        String source = GitRepositories.head(bare, "main");
        ChainStateStore store = new ChainStateStore(workspace);
        store.save(passingState(source));

        assertThat(mlops.run("publish", "--dry-run", "--workspace", workspace.toString())).as(mlops.err()).isZero();
        assertThat(mlops.out()).contains("would commit 4 file(s)", "train.py", "model.h5",
                "model-1-accuracy-0.95");
        assertThat(GitRepositories.head(bare, "mlops/models")).isNull();
        assertThat(store.load()).map(ChainState::published).isEmpty();

        assertThat(mlops.run("publish", "--workspace", workspace.toString())).as(mlops.err()).isZero();

        String commit = GitRepositories.head(bare, "mlops/models");
        assertThat(commit).isNotNull();
        assertThat(store.load()).map(ChainState::published).hasValue(new PublishedModel(GitRepositories.url(bare),
                "mlops/models", commit, "model-1-accuracy-0.95"));
        assertThat(GitRepositories.head(bare, "refs/tags/model-1-accuracy-0.95")).isNotNull();
    }

    /** Without a passing gate there is nothing to publish: exit 2 and one clear line. */
    @Test
    void shouldRefuseWithoutPassingGate() throws Exception {
        Path workspace = Files.createDirectories(temp.resolve("ws"));
        new ChainStateStore(workspace).save(ChainState.start("run").withTrial(trial()));

        assertThat(mlops.run("publish", "--workspace", workspace.toString())).isEqualTo(2);
        assertThat(mlops.err()).contains("has not passed its gate");
    }

    private static ChainState passingState(final String source) {
        return ChainState.start("run").withSourceCommit(source)
                .withDetection(new Detection("train.py", new ModelType(Framework.KERAS, Architecture.CNN),
                        "mlops/keras", 0.9, false, List.of()))
                .withTrial(trial())
                .withGate(new GateResult(Verdict.PASSED, "accuracy", 0.95, 0.9, Direction.MAXIMIZE, "met"));
    }

    private static TrialRecord trial() {
        return TrialRecord.running(1, Map.of("epochs", 20), null, "epochs 20", null, "2026-11-26T19:00:00Z")
                .finish(TrialState.COMPLETE, 0.95, 1000, "sha256:1", null);
    }
}
