package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's via-git loop with real trainings in the sklearn container and a real bare repository, one
 * {@code mlops run} per poll: a trial short of the target pushes its tweak with trailers, the next run trains that
 * commit, the bound in the history stops it, and a commit already trained is not trained again.
 */
@RequiresDocker
class ViaGitIT {
    private static final String SETTINGS = """
            entry: train.py
            target: 0.99
            max_trials: 2
            mode: via-git
            strategy: source_rewrite
            train:
              timeout: 5m
              memory: 1g
            """;

    @TempDir
    private Path dir;

    private final InProcessMlops mlops = new InProcessMlops();

    /** Three polls: train + push the tweak, train the tweak and stop at the bound, then nothing new. */
    @Test
    void shouldTrainEachPushedTweakOnTheNextRunUntilTheBound() throws IOException, GitAPIException {
        Path bare = GitRepositories.createWithFiles(dir, "model.git", Map.of("train.py", demoScript(),
                "mlops.yml", SETTINGS));
        String baseline = GitRepositories.head(bare, "refs/heads/main");
        Path workspace = dir.resolve("workspace");

        int first = mlops.run("run", "--url", GitRepositories.url(bare), "--workspace", workspace.toString(), "--quiet",
                "--no-publish");

        assertThat(first).as(mlops.err()).isEqualTo(ExitCodes.TARGET_NOT_MET);
        String tweak = GitRepositories.head(bare, "refs/heads/main");
        assertThat(tweak).isNotEqualTo(baseline);
        RevCommit pushed = commit(bare, tweak);
        assertThat(pushed.getFullMessage()).contains("MLOps-Trial: 1");
        assertThat(pushed.getParent(0).getName()).isEqualTo(baseline);
        ChainState afterFirst = new ChainStateStore(workspace).load().orElseThrow();
        TrialRecord trial1 = afterFirst.trial(1).orElseThrow();
        assertThat(trial1.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial1.metric()).isBetween(0.0, 0.99);
        assertThat(trial1.sourceCommit()).isEqualTo(baseline);

        int second = mlops.run("run", "--url", GitRepositories.url(bare), "--workspace", workspace.toString(), "--quiet",
                "--no-publish");

        assertThat(second).as(mlops.err()).isEqualTo(ExitCodes.TARGET_NOT_MET);
        TrialRecord trial2 = new ChainStateStore(workspace).load().orElseThrow().trial(2).orElseThrow();
        assertThat(trial2.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial2.sourceCommit()).isEqualTo(tweak);
        assertThat(trial2.metric()).isNotEqualTo(trial1.metric());
        assertThat(GitRepositories.head(bare, "refs/heads/main")).as("no push past max_trials").isEqualTo(tweak);

        int third = mlops.run("run", "--url", GitRepositories.url(bare), "--workspace", workspace.toString(), "--quiet",
                "--no-publish");

        assertThat(third).isEqualTo(ExitCodes.TARGET_NOT_MET);
        assertThat(new ChainStateStore(workspace).load().orElseThrow().trials()).hasSize(2);
        assertThat(GitRepositories.head(bare, "refs/heads/main")).isEqualTo(tweak);
    }

    /**
     * The freestyle chain, step by step, each build in a fresh workspace (another agent): the tweak step pushes, and
     * the next build's train step numbers its trial and names its change from the trailers, as the tweak counted.
     */
    @Test
    void shouldNumberStepByStepTrialsFromTheTrailersInAFreshWorkspace() throws IOException, GitAPIException {
        Path bare = GitRepositories.createWithFiles(dir, "model.git", Map.of("train.py", demoScript(),
                "mlops.yml", SETTINGS.replace("max_trials: 2", "max_trials: 3")));
        String url = GitRepositories.url(bare);

        Path first = build(url, "build1");
        assertThat(mlops.run("tweak", "--workspace", first.toString())).as(mlops.err()).isZero();
        String change = new ChainStateStore(first).load().orElseThrow().trial(1).map(TrialRecord::change).orElseThrow();
        assertThat(change).isEqualTo("baseline");
        RevCommit pushed = commit(bare, GitRepositories.head(bare, "refs/heads/main"));
        assertThat(pushed.getShortMessage()).startsWith("mlops: trial 2: ");

        Path second = build(url, "build2");

        ChainState state = new ChainStateStore(second).load().orElseThrow();
        assertThat(state.trials()).extracting(TrialRecord::number).containsExactly(1, 2);
        TrialRecord trial2 = state.trial(2).orElseThrow();
        assertThat(trial2.state()).isEqualTo(TrialState.COMPLETE);
        assertThat(trial2.change()).isEqualTo(pushed.getShortMessage().substring("mlops: trial 2: ".length()));
        assertThat(state.trial(1).orElseThrow().metric()).as("the trailer keeps 4 decimals")
                .isCloseTo(new ChainStateStore(first).load().orElseThrow().trial(1).orElseThrow().metric(),
                        within(0.00005));
    }

    /** fetch, detect, train and check in a new workspace, as one Jenkins build of the freestyle chain. */
    private Path build(final String url, final String name) {
        Path workspace = dir.resolve(name);
        assertThat(mlops.run("fetch", url, "--workspace", workspace.toString())).as(mlops.err()).isZero();
        assertThat(mlops.run("detect", "--workspace", workspace.toString())).as(mlops.err()).isZero();
        assertThat(mlops.run("train", "--workspace", workspace.toString(), "--quiet")).as(mlops.err()).isZero();
        assertThat(mlops.run("check", "--workspace", workspace.toString())).as(mlops.err())
                .isEqualTo(ExitCodes.TARGET_NOT_MET);
        return workspace;
    }

    private static RevCommit commit(final Path bare, final String id) throws IOException {
        try (Git git = Git.open(bare.toFile()); RevWalk walk = new RevWalk(git.getRepository())) {
            RevCommit commit = walk.parseCommit(git.getRepository().resolve(id));
            walk.parseHeaders(commit.getParent(0));
            return commit;
        }
    }

    private static String demoScript() throws IOException {
        try (InputStream script = ViaGitIT.class.getResourceAsStream("demo/sklearn/train.py")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
