package io.jenkins.plugins.mlops.engine.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.config.MlopsConfig;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loop's rules with a scripted trainer: what stops a study, who wins, and how a killed run resumes. */
class StudyRunnerTest {
    @TempDir
    Path workspace;

    private final List<Integer> trained = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void createWorkspace() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "units = 1\n");
    }

    /** The study stops at the first trial that meets the target, and records every trial and step. */
    @Test
    void shouldStopWhenTheTargetIsMet() {
        StudyOutcome outcome = runner(Overrides.NONE, accuracies(0.5, 0.7, 0.93, 0.99)).run(new RunLog());

        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.best().number()).isEqualTo(3);
        assertThat(outcome.reason()).contains("trial 3 met the target");
        ChainState saved = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(saved.trials()).extracting(TrialRecord::state).containsOnly(TrialState.COMPLETE);
        assertThat(saved.trials()).extracting(TrialRecord::metric).containsExactly(0.5, 0.7, 0.93);
        assertThat(saved.trials().get(1).change()).isEqualTo("units 2");
        assertThat(saved.step(StepRecord.Step.TRAIN)).hasValueSatisfying(s -> assertThat(s.runs()).isEqualTo(3));
        assertThat(saved.step(StepRecord.Step.TWEAK)).hasValueSatisfying(s -> assertThat(s.runs()).isEqualTo(2));
        assertThat(saved.gate().verdict()).isEqualTo(Verdict.PASSED);
    }

    /** Each trial trains in its own copy, carrying the best trial's edited entry forward. */
    @Test
    void shouldTrainEachTrialInItsOwnCopy() throws IOException {
        runner(Overrides.builder().maxTrials(3).build(), accuracies(0.5, 0.6, 0.7)).run(new RunLog());

        TrialWorkspaces dirs = new TrialWorkspaces(workspace);
        assertThat(Files.readString(dirs.workDir(1).resolve("train.py"))).isEqualTo("units = 1\n");
        assertThat(Files.readString(dirs.workDir(3).resolve("train.py"))).isEqualTo("units = 3\n");
        assertThat(Files.readString(workspace.resolve("train.py"))).isEqualTo("units = 1\n");
        assertThat(dirs.workDir(2).resolve(".mlops")).doesNotExist();
    }

    /** At max trials the study is BELOW_TARGET and reports the best trial, even when a later one is worse. */
    @Test
    void shouldReportTheBestTrialWhenTheTargetIsNotMet() {
        StudyOutcome outcome = runner(Overrides.builder().maxTrials(4).build(),
                accuracies(0.5, 0.8, 0.6, 0.7)).run(new RunLog());

        assertThat(outcome.verdict()).isEqualTo(Verdict.BELOW_TARGET);
        assertThat(outcome.best().number()).isEqualTo(2);
        assertThat(outcome.bestWorkDir()).endsWith("trials/2/work");
        assertThat(outcome.reason()).contains("max trials (4)");
        assertThat(trained).containsExactly(1, 2, 3, 4);
    }

    /** Failed trials count against max failed trials; a study with no metric at all is FAILED. */
    @Test
    void shouldStopAfterMaxFailedTrials() {
        StudyOutcome outcome = runner(Overrides.builder().maxFailedTrials(2).build(),
                accuracies(-1, -1, 0.95)).run(new RunLog());

        assertThat(outcome.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome.reason()).contains("max failed trials (2)");
        assertThat(outcome.state().trials()).extracting(TrialRecord::state)
                .containsExactly(TrialState.FAILED, TrialState.FAILED);
    }

    /** When the tweaker has no safe edit left the study stops and says so. */
    @Test
    void shouldStopWhenNoSafeTweakApplies() {
        StudyOutcome outcome = runner(Overrides.NONE, accuracies(0.5, 0.6), 2).run(new RunLog());

        assertThat(outcome.reason()).contains("no safe tweak");
        assertThat(outcome.state().trials()).hasSize(2);
    }

    /** A run killed mid-trial resumes that trial under its own number and never counts it twice. */
    @Test
    void shouldResumeAnInterruptedTrial() {
        runner(Overrides.builder().maxTrials(2).build(), accuracies(0.5, 0.6)).run(new RunLog());
        ChainStateStore store = new ChainStateStore(workspace);
        ChainState crashed = store.load().orElseThrow();
        TrialRecord second = crashed.trial(2).orElseThrow();
        store.save(crashed.withTrial(TrialRecord.running(2, second.params(), second.diff(), second.change(), null,
                second.startedAt())));
        trained.clear();

        StudyOutcome outcome = runner(Overrides.builder().maxTrials(3).build(),
                accuracies(0.5, 0.95, 0.99)).run(new RunLog());

        assertThat(trained).containsExactly(2);
        assertThat(outcome.state().trials()).extracting(TrialRecord::number).containsExactly(1, 2);
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
    }

    /** Independent trials train several at once when parallel > 1. */
    @Test
    void shouldTrainIndependentTrialsInParallel() {
        StudyOutcome outcome = runner(Overrides.builder().parallel(2).maxTrials(5).build(),
                accuracies(0.1, 0.2, 0.3, 0.4, 0.5),
                100, true).run(new RunLog());

        assertThat(outcome.state().trials()).extracting(TrialRecord::number).containsExactly(1, 2, 3, 4, 5);
        assertThat(trained).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
        assertThat(outcome.best().number()).isEqualTo(5);
    }

    /** A cancelled trial is recorded as CANCELLED and the run ends with a cancellation. */
    @Test
    void shouldRecordACancelledTrial() {
        StudyRunner runner = runner(Overrides.NONE, accuracies(0.5, -2));

        assertThatThrownBy(() -> runner.run(new RunLog())).isInstanceOf(CancellationException.class)
                .hasMessageContaining("CANCELLED");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().trial(2))
                .hasValueSatisfying(t -> assertThat(t.state()).isEqualTo(TrialState.CANCELLED));
    }

    /** Issue 13.9: after Ctrl-C in the baseline, the re-run trains the baseline again, not a tweak as trial 2. */
    @Test
    void shouldRetrainACancelledTrialOnResume() {
        assertThatThrownBy(() -> runner(Overrides.builder().maxTrials(3).build(), accuracies(-2)).run(new RunLog()))
                .isInstanceOf(CancellationException.class);
        trained.clear();

        StudyOutcome outcome = runner(Overrides.builder().maxTrials(3).build(), accuracies(0.95)).run(new RunLog());

        assertThat(trained).containsExactly(1);
        assertThat(outcome.state().trials()).singleElement().satisfies(trial -> {
            assertThat(trial.state()).isEqualTo(TrialState.COMPLETE);
            assertThat(trial.change()).isEqualTo("baseline");
        });
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
    }

    /** Issue 13.9: with no tweak at all (an unrecognised model), a cancelled baseline is still trained on resume. */
    @Test
    void shouldRetrainACancelledBaselineWithoutAnyTweak() {
        assertThatThrownBy(() -> runner(Overrides.NONE, accuracies(-2), 0).run(new RunLog()))
                .isInstanceOf(CancellationException.class);
        trained.clear();

        StudyOutcome outcome = runner(Overrides.NONE, accuracies(0.5), 0).run(new RunLog());

        assertThat(trained).containsExactly(1);
        assertThat(outcome.best()).isNotNull();
        assertThat(outcome.best().metric()).isEqualTo(0.5);
        assertThat(outcome.reason()).contains("no safe tweak");
    }

    private StudyRunner runner(final Overrides options, final double[] accuracies) {
        return runner(options, accuracies, 100);
    }

    private StudyRunner runner(final Overrides options, final double[] accuracies, final int maxTweaks) {
        return runner(options, accuracies, maxTweaks, false);
    }

    /** Accuracy of trial n is accuracies[n-1]; -1 makes it fail, -2 cancels it. */
    private StudyRunner runner(final Overrides options, final double[] accuracies, final int maxTweaks,
            final boolean parallel) {
        MlopsConfig config = ConfigLoader.load(workspace, null, options, OperatorPolicy.DEFAULT);
        TrialTrainer trainer = (plan, log) -> {
            trained.add(plan.number());
            double accuracy = accuracies[plan.number() - 1];
            TrialState state = accuracy == -1 ? TrialState.FAILED
                    : accuracy == -2 ? TrialState.CANCELLED : TrialState.COMPLETE;
            return new TrialTrainer.Outcome(state, 10, "sha256:test",
                    List.of("MLOPS_METRIC accuracy=" + accuracy), state == TrialState.COMPLETE ? null : "exit 1");
        };
        TrialJudge judge = (workDir, lines, log) -> {
            double value = Double.parseDouble(lines.get(0).substring(lines.get(0).indexOf('=') + 1));
            boolean met = value >= config.objective().target();
            return new GateResult(met ? Verdict.PASSED : Verdict.BELOW_TARGET, "accuracy", value,
                    config.objective().target(), Direction.MAXIMIZE, value + (met ? " >= " : " < ") + "target");
        };
        return new StudyRunner(workspace, config, "train.py", trainer, judge, new CountingTweaker(maxTweaks, parallel),
                history -> false, Clock.systemUTC());
    }

    private static double[] accuracies(final double... values) {
        return values;
    }

    /** Rewrites {@code units = n} to the trial number, like a source edit would. */
    private static final class CountingTweaker implements Tweaker {
        private final int maxTweaks;
        private final boolean parallel;
        private int tweaks;

        CountingTweaker(final int maxTweaks, final boolean parallel) {
            this.maxTweaks = maxTweaks;
            this.parallel = parallel;
        }

        @Override
        public Map<String, Object> firstParams() {
            return Map.of();
        }

        @Override
        public Optional<Tweak> next(final Path workDir, final String entry, final List<TrialRecord> history,
                final RunLog log) {
            if (++tweaks >= maxTweaks) {
                return Optional.empty();
            }
            int units = history.size() + 1;
            try {
                Files.writeString(workDir.resolve(entry), "units = " + units + "\n");
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.of(new Tweak(Map.of("units", units), "-units\n+units", "units " + units, null));
        }

        @Override
        public boolean parallelizable() {
            return parallel;
        }
    }
}
