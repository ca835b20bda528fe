package io.jenkins.plugins.mlops.engine.pipeline;

import static io.jenkins.plugins.mlops.engine.pipeline.CheckedWorkspace.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tweak step against real bare repositories over file://: a via-git tweak is committed with trailers and pushed,
 * bounded by the trailers in the history; an in-build tweak waits in the workspace; a passed gate changes nothing.
 */
class TweakingTest {
    private static final GitCredentials NONE = GitCredentials.NONE;

    @TempDir
    private Path dir;

    private Path remote;
    private String url;

    @BeforeEach
    void createRemote() throws Exception {
        remote = GitRepositories.createWithFiles(dir, "model.git", Map.of("train.py", SCRIPT));
        url = GitRepositories.url(remote);
    }

    /** A second via-git tweak of the same checked trial (a retried step) pushes nothing and says why. */
    @Test
    void shouldNotPushASecondTweakForTheSameTrial() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws")).checked(0.3);
        Tweaking.Result first = workspace.tweak("via-git", 5, NONE);

        Tweaking.Result second = workspace.tweak("via-git", 5, NONE);

        assertThat(first.made()).isTrue();
        assertThat(second.made()).isFalse();
        assertThat(second.reason()).contains("its tweak was pushed already", "trial 1");
        assertThat(GitRepositories.head(remote, "main")).isEqualTo(first.commit());
    }

    /** Below target, via-git commits the edit with the checked trial's trailers and pushes it to the fetched branch. */
    @Test
    void shouldCommitAndPushTheTweakWithTrailers() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws")).checked(0.3);
        String trained = workspace.head();

        Tweaking.Result result = workspace.tweak("via-git", 5, NONE);

        assertThat(result.made()).isTrue();
        assertThat(result.change()).isEqualTo("[max_iter] max_iter 20 -> 40");
        assertThat(result.diff()).contains("+model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=40)");
        assertThat(result.commit()).isEqualTo(GitRepositories.head(remote, "main")).isEqualTo(workspace.head())
                .isNotEqualTo(trained);
        assertThat(CheckedWorkspace.message(remote, result.commit())).isEqualTo("""
                mlops: trial 2: [max_iter] max_iter 20 -> 40

                MLOps-Trial: 1
                MLOps-Metric: 0.3000
                MLOps-Target: 0.9000
                MLOps-Edit: MAX_ITER
                MLOps-Edit-From: 20
                MLOps-Edit-To: 40
                """);
        assertThat(result.edit()).isEqualTo(new EditRecord(EditKind.MAX_ITER, "20", "40"));
        CheckedWorkspace next = CheckedWorkspace.fetch(url, NONE, dir.resolve("next-build"));
        assertThat(next.entry()).contains("max_iter=40");
        assertThat(TrialTrailers.read(next.path())).extracting(TrialTrailers.RecordedTrial::edit)
                .containsExactly(new EditRecord(EditKind.MAX_ITER, "20", "40"));
        StepRecord step = workspace.state().step(Step.TWEAK).orElseThrow();
        assertThat(step.state()).isEqualTo(StepState.SUCCESS);
        assertThat(step.summary()).isEqualTo("[max_iter] max_iter 20 -> 40 (pushed "
                + result.commit().substring(0, 8) + ")");
        assertThat(workspace.path().resolve(PendingTweak.FILE)).doesNotExist();
    }

    /** One tweak per build; at max trials, counted from the trailers in a fresh workspace, nothing more is pushed. */
    @Test
    void shouldStopAtMaxTrialsCountedFromTheTrailers() throws Exception {
        for (int build = 1; build <= 2; build++) {
            CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("build" + build))
                    .checked(0.1 * build);
            assertThat(workspace.tweak("via-git", 3, NONE).made()).isTrue();
        }
        String last = GitRepositories.head(remote, "main");
        CheckedWorkspace third = CheckedWorkspace.fetch(url, NONE, dir.resolve("build3")).checked(0.3);
        String trainedCode = third.entry();

        Tweaking.Result result = third.tweak("via-git", 3, NONE);

        assertThat(result.made()).isFalse();
        assertThat(result.reason())
                .isEqualTo("reached max trials (3) counted from the MLOps-Trial trailers in the git history");
        assertThat(GitRepositories.head(remote, "main")).isEqualTo(last);
        assertThat(third.entry()).isEqualTo(trainedCode);
        assertThat(TrialTrailers.read(third.path())).extracting(TrialTrailers.RecordedTrial::trial,
                TrialTrailers.RecordedTrial::metric).containsExactly(
                        tuple(1, 0.1), tuple(2, 0.2));
        assertThat(third.state().step(Step.TWEAK).orElseThrow().state()).isEqualTo(StepState.UNSTABLE);
    }

    /** When the gate passed, neither mode changes anything: no edit, no commit, no pending tweak, no record. */
    @Test
    void shouldDoNothingWhenTheGatePassed() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws")).checked(0.95);
        String before = GitRepositories.head(remote, "main");
        ChainState state = workspace.state();

        Tweaking.Result viaGit = workspace.tweak("via-git", 5, NONE);
        Tweaking.Result inBuild = workspace.tweak("in-build", 5, NONE);

        assertThat(viaGit.made()).isFalse();
        assertThat(inBuild.made()).isFalse();
        assertThat(viaGit.reason()).isEqualTo("the gate passed");
        assertThat(workspace.logLines()).contains(
                "Not tweaking: the gate passed (accuracy 0.95 >= target 0.90), so the model stays as it is");
        assertThat(GitRepositories.head(remote, "main")).isEqualTo(before).isEqualTo(workspace.head());
        assertThat(workspace.entry()).isEqualTo(SCRIPT);
        assertThat(workspace.path().resolve(PendingTweak.FILE)).doesNotExist();
        assertThat(workspace.state()).isEqualTo(state);
    }

    /** A detached HEAD, as a Jenkins SCM checks out, pushes to the one branch of origin that points at it. */
    @Test
    void shouldPushFromADetachedHead() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws"));
        try (Git git = Git.open(workspace.path().toFile())) {
            git.checkout().setName(workspace.head()).call();
            assertThat(git.getRepository().getFullBranch()).doesNotStartWith("refs/heads/");
        }
        workspace.checked(0.3);

        Tweaking.Result result = workspace.tweak("via-git", 5, NONE);

        assertThat(result.made()).isTrue();
        assertThat(result.reason()).isEqualTo("tweak for trial 2 pushed to main");
        assertThat(GitRepositories.head(remote, "main")).isEqualTo(result.commit());
    }

    /** In-build edits the entry in place and leaves the edit for the next train step; nothing is committed. */
    @Test
    void shouldLeaveAnInBuildTweakForTheNextTrainStep() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws")).checked(0.3);
        String trained = workspace.head();

        Tweaking.Result result = workspace.tweak("in-build", 5, NONE);

        assertThat(result.made()).isTrue();
        assertThat(result.file()).isEqualTo("train.py");
        assertThat(result.commit()).isNull();
        assertThat(workspace.entry()).contains("max_iter=40");
        assertThat(Files.readString(workspace.path().resolve(PendingTweak.FILE))).contains("max_iter 20 -> 40");
        assertThat(workspace.head()).isEqualTo(trained).isEqualTo(GitRepositories.head(remote, "main"));
        assertThat(workspace.state().step(Step.TWEAK).orElseThrow().summary())
                .isEqualTo("[max_iter] max_iter 20 -> 40");
    }

    /** In-build stops at max trials recorded in run.json and leaves the code as it was. */
    @Test
    void shouldStopInBuildAtMaxTrials() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws")).checked(0.1).checked(0.2);

        Tweaking.Result result = workspace.tweak("in-build", 2, NONE);

        assertThat(result.made()).isFalse();
        assertThat(result.reason()).isEqualTo("reached max trials (2)");
        assertThat(workspace.entry()).isEqualTo(SCRIPT);
        assertThat(workspace.path().resolve(PendingTweak.FILE)).doesNotExist();
    }

    /** A via-git tweak before any check names the step to run first and changes nothing. */
    @Test
    void shouldAskForACheckBeforeAViaGitTweak() throws Exception {
        CheckedWorkspace workspace = CheckedWorkspace.fetch(url, NONE, dir.resolve("ws"));
        String before = workspace.head();

        assertThatThrownBy(() -> workspace.tweak("via-git", 5, NONE))
                .isInstanceOfSatisfying(MlopsException.class,
                        e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("train and check the model (mlops check, mlopsCheckAccuracy)");
        assertThat(workspace.head()).isEqualTo(before).isEqualTo(GitRepositories.head(remote, "main"));
        assertThat(workspace.entry()).isEqualTo(SCRIPT);
    }
}
