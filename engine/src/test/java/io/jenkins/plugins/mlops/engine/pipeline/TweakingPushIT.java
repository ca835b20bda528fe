package io.jenkins.plugins.mlops.engine.pipeline;

import static io.jenkins.plugins.mlops.engine.pipeline.CheckedWorkspace.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.HttpGitServer;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A via-git tweak pushed over smart HTTP with basic auth, as a hosted repository takes it. */
class TweakingPushIT {
    private static final String PASSWORD = "pu5h-t0ken";
    private static final GitCredentials BOT = GitCredentials.userPassword("bot", PASSWORD);

    @TempDir
    private Path dir;

    /** With the right credentials the tweak commit arrives on the polled branch. */
    @Test
    void shouldPushWithCredentials() throws Exception {
        Path remote = GitRepositories.createWithFiles(dir, "model.git", Map.of("train.py", SCRIPT));
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(dir, "bot", PASSWORD)) {
            CheckedWorkspace workspace = CheckedWorkspace.fetch(server.url("model.git"), BOT, dir.resolve("ws"))
                    .checked(0.3);

            Tweaking.Result result = workspace.tweak("via-git", 5, BOT);

            assertThat(result.made()).isTrue();
            assertThat(GitRepositories.head(remote, "main")).isEqualTo(result.commit());
            assertThat(CheckedWorkspace.message(remote, result.commit())).contains("MLOps-Trial: 1");
        }
    }

    /**
     * A refused password is one clear message without the password; the checkout stays at the trained commit with
     * the trained code and nothing staged, the step is recorded as failed, and the same tweak succeeds once the
     * credentials are fixed.
     */
    @Test
    void shouldLeaveTheWorkspaceIntactWhenThePushIsRefused() throws Exception {
        Path remote = GitRepositories.createWithFiles(dir, "model.git", Map.of("train.py", SCRIPT));
        String published = GitRepositories.head(remote, "main");
        try (HttpGitServer server = HttpGitServer.startWithBasicAuth(dir, "bot", PASSWORD)) {
            CheckedWorkspace workspace = CheckedWorkspace.fetch(server.url("model.git"), BOT, dir.resolve("ws"))
                    .checked(0.3);
            String trained = workspace.head();
            GitCredentials wrong = GitCredentials.userPassword("bot", "not-the-token");

            assertThatThrownBy(() -> workspace.tweak("via-git", 5, wrong))
                    .isInstanceOfSatisfying(MlopsException.class,
                            e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                    .hasMessageStartingWith("Cannot push the tweak to " + server.url("model.git")
                            + ": authentication was refused.")
                    .hasMessageNotContaining("not-the-token");

            assertThat(workspace.head()).isEqualTo(trained);
            assertThat(workspace.entry()).isEqualTo(SCRIPT);
            try (Git git = Git.open(workspace.path().toFile())) {
                assertThat(git.status().call().getUncommittedChanges()).isEmpty();
            }
            assertThat(GitRepositories.head(remote, "main")).isEqualTo(published);
            StepRecord step = workspace.state().step(Step.TWEAK).orElseThrow();
            assertThat(step.state()).isEqualTo(StepState.FAILED);
            assertThat(step.summary()).contains("authentication was refused");

            Tweaking.Result retried = workspace.tweak("via-git", 5, BOT);

            assertThat(retried.change()).isEqualTo("[max_iter] max_iter 20 -> 40");
            assertThat(GitRepositories.head(remote, "main")).isEqualTo(retried.commit());
        }
    }
}
