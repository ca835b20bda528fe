package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.source.TrialTrailers;
import io.jenkins.plugins.mlops.engine.source.Committer;
import io.jenkins.plugins.mlops.engine.source.TweakCommitter;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The via-git loop against a real bare repository: one commit per trial, bounded by the trailers in history. */
class ViaGitStudyTest {
    @TempDir
    Path dir;

    private final List<String> trainedCode = new ArrayList<>();

    /** Each run trains the head, pushes one tweak commit with trailers, and the loop stops at max trials. */
    @Test
    void shouldCommitOneTweakPerRunAndStopAtTheBudget() throws Exception {
        String url = LocalRepositories.createBare(dir.resolve("remote.git"), "main",
                Map.of("train.py", "units = 1\n".getBytes(StandardCharsets.UTF_8)), "weak model",
                "Dana", "dana@example.com");

        Path checkout = null;
        for (int run = 1; run <= 3; run++) {
            checkout = cloneFresh(url, "run" + run);
            StudyOutcome outcome = study(checkout, 3).run(head(checkout), TrialTrailers.read(checkout), new RunLog());
            assertThat(outcome.verdict()).isEqualTo(Verdict.BELOW_TARGET);
            assertThat(outcome.reason()).contains(run < 3 ? "pushed" : "reached max trials (3)");
        }
        StudyOutcome again = study(checkout, 3).run(head(checkout), TrialTrailers.read(checkout), new RunLog());
        assertThat(again.reason()).contains("already trained as trial 3");
        Path smallerBudget = cloneFresh(url, "run4");
        StudyOutcome over = study(smallerBudget, 2).run(head(smallerBudget), TrialTrailers.read(smallerBudget),
                new RunLog());
        assertThat(over.reason()).contains("reached max trials (2) recorded in the git history");

        assertThat(trainedCode).containsExactly("units = 1\n", "units = 2\n", "units = 3\n");
        Path last = cloneFresh(url, "check");
        List<TrialTrailers.RecordedTrial> recorded = TrialTrailers.read(last);
        assertThat(recorded).extracting(TrialTrailers.RecordedTrial::trial).containsExactly(1, 2);
        assertThat(recorded).extracting(TrialTrailers.RecordedTrial::metric).containsExactly(0.1, 0.2);
        try (Git git = Git.open(last.toFile())) {
            RevCommit tip = git.log().setMaxCount(1).call().iterator().next();
            assertThat(tip.getFullMessage()).contains("mlops: trial 3: units 3", "MLOps-Trial: 2",
                    "MLOps-Metric: 0.2000", "MLOps-Target: 0.9000");
        }
    }

    /** Running the same commit again in the same workspace trains nothing new. */
    @Test
    void shouldNotTrainTheSameCommitTwice() throws Exception {
        String url = LocalRepositories.createBare(dir.resolve("remote.git"), "main",
                Map.of("train.py", "units = 9\n".getBytes(StandardCharsets.UTF_8)), "strong model",
                "Dana", "dana@example.com");
        Path checkout = cloneFresh(url, "ws");

        StudyOutcome first = study(checkout, 3).run(head(checkout), List.of(), new RunLog());
        StudyOutcome second = study(checkout, 3).run(head(checkout), List.of(), new RunLog());

        assertThat(first.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(second.reason()).contains("already trained as trial 1");
        assertThat(trainedCode).hasSize(1);
        assertThat(second.state().trials()).extracting(TrialRecord::number).containsExactly(1);
    }

    private ViaGitStudy study(final Path checkout, final int maxTrials) {
        MlopsConfig config = ConfigLoader.load(checkout, null,
                Overrides.builder().maxTrials(maxTrials).mode("via-git").build(), OperatorPolicy.DEFAULT);
        TrialTrainer trainer = (plan, log) -> {
            String code = read(plan.workDir().resolve("train.py"));
            trainedCode.add(code);
            int units = Integer.parseInt(code.replaceAll("\\D", ""));
            return new TrialTrainer.Outcome(TrialState.COMPLETE, 5, "sha256:x",
                    List.of("MLOPS_METRIC accuracy=" + units / 10.0), null);
        };
        TrialJudge judge = (workDir, lines, log) -> {
            double value = Double.parseDouble(lines.get(0).substring(lines.get(0).indexOf('=') + 1));
            return new GateResult(value >= 0.9 ? Verdict.PASSED : Verdict.BELOW_TARGET, "accuracy", value, 0.9,
                    Direction.MAXIMIZE, "reason");
        };
        Tweaker tweaker = new Tweaker() {
            @Override
            public Map<String, Object> firstParams() {
                return Map.of();
            }

            @Override
            public Optional<Tweak> next(final Path workDir, final String entry, final List<TrialRecord> history,
                    final RunLog log) {
                int units = Integer.parseInt(read(workDir.resolve(entry)).replaceAll("\\D", "")) + 1;
                write(workDir.resolve(entry), "units = " + units + "\n");
                return Optional.of(new Tweak(Map.of(), "diff", "units " + units, null));
            }

            @Override
            public boolean parallelizable() {
                return false;
            }
        };
        TweakPusher pusher = (repo, file, message, log) -> TweakCommitter.commitAndPush(repo, file, message, "main",
                GitCredentials.NONE, Committer.of(null, null, repo));
        return new ViaGitStudy(checkout, config, "train.py", trainer, judge, tweaker, pusher, Clock.systemUTC());
    }

    private Path cloneFresh(final String url, final String name) throws GitAPIException {
        Path checkout = dir.resolve(name);
        Git.cloneRepository().setURI(url).setDirectory(checkout.toFile()).call().close();
        return checkout;
    }

    private static String head(final Path checkout) throws IOException {
        try (Git git = Git.open(checkout.toFile())) {
            return git.getRepository().resolve("HEAD").getName();
        }
    }

    private static String read(final Path file) {
        try {
            return Files.readString(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(final Path file, final String content) {
        try {
            Files.writeString(file, content);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
