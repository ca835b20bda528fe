package io.jenkins.plugins.mlops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a poll compares the branch's head with: the commit the workspace's chain last fetched. */
class FetchingTest {
    private static final String TRAINED = "0123456789abcdef0123456789abcdef01234567";

    @TempDir
    private Path workspace;

    @Test
    void shouldGiveTheCommitTheChainFetched() {
        assertThat(Fetching.lastFetched(workspace)).isEmpty();

        new ChainStateStore(workspace).save(ChainState.start("c").withSourceCommit(TRAINED));

        assertThat(Fetching.lastFetched(workspace)).contains(TRAINED);
    }

    /**
     * A repository that pushes .mlops/run.json naming its head as trained would keep mlops poll and mlops watch from
     * ever training it: such a checkout is refused, as every step refuses it.
     */
    @Test
    void shouldRefuseACheckoutThatTracksTheChainState() throws IOException, GitAPIException {
        try (Git git = Git.init().setDirectory(workspace.toFile()).setInitialBranch("main").call()) {
            new ChainStateStore(workspace).save(ChainState.start("c").withSourceCommit(TRAINED));
            Files.writeString(workspace.resolve("train.py"), "print(1)\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("trained already").setAuthor("Eve", "eve@example.com")
                    .setCommitter("Eve", "eve@example.com").setSign(false).call();
        }

        assertThatThrownBy(() -> Fetching.lastFetched(workspace)).isInstanceOf(MlopsException.class)
                .hasMessageContaining(".mlops");
    }
}
