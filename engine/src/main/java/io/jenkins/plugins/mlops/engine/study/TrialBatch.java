package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Trains and judges a batch of trials: one on the caller's thread, several on their own threads. An interrupt of the
 * caller (how Jenkins aborts a build) reaches every trial, so each container is killed.
 */
final class TrialBatch {
    private final TrialTrainer trainer;
    private final TrialJudge judge;

    TrialBatch(final TrialTrainer trainer, final TrialJudge judge) {
        this.trainer = trainer;
        this.judge = judge;
    }

    /**
     * A trained and judged trial.
     *
     * @param plan    what was trained
     * @param outcome how training ended
     * @param gate    the verdict, or {@code null} when training did not complete
     */
    record Result(TrialPlan plan, TrialTrainer.Outcome outcome, GateResult gate) {
    }

    List<Result> run(final List<TrialPlan> plans, final RunLog log) {
        if (plans.size() == 1) {
            return List.of(trainAndJudge(plans.get(0), log));
        }
        ExecutorService executor = Executors.newFixedThreadPool(plans.size());
        List<Future<Result>> futures = new ArrayList<>();
        try {
            for (TrialPlan plan : plans) {
                futures.add(executor.submit(() -> trainAndJudge(plan, log)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                results.add(future.get());
            }
            return results;
        }
        catch (InterruptedException e) {
            futures.forEach(future -> future.cancel(true));
            Thread.currentThread().interrupt();
            throw new CancellationException("The run was cancelled while " + plans.size() + " trials trained.");
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
        finally {
            shutdown(executor);
        }
    }

    /** Waits for the trial threads to remove their containers, even when this thread was interrupted. */
    private static void shutdown(final ExecutorService executor) {
        executor.shutdownNow();
        boolean interrupted = Thread.interrupted();
        try {
            executor.awaitTermination(2, TimeUnit.MINUTES);
        }
        catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Result trainAndJudge(final TrialPlan plan, final RunLog log) {
        TrialTrainer.Outcome outcome = trainer.train(plan, log);
        GateResult gate = outcome.state() == TrialState.COMPLETE
                ? judge.judge(plan.workDir(), outcome.metricLines(), log) : null;
        return new Result(plan, outcome, gate);
    }
}
