package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.Trials;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;

/**
 * The tweak benchmark (run by bench/tweak-strategies.sh, not a test): mean trials-to-target over many seeds for the
 * seed's strategy (a random pick among "add conv", "epochs 10 -> 20" and "add conv+pool" each trial, simulated on
 * the CNN surrogate), random search and the TPE sampler. A run that misses the target within {@link #CAP} trials
 * counts as {@link #CAP} trials (so means of strategies that often miss are flattering lower bounds), and the
 * table says how many runs reached it.
 */
final class TweakStrategiesBenchmark {
    /** The most trials one run may take. */
    static final int CAP = 100;

    private TweakStrategiesBenchmark() {
    }

    /** Prints the table; the optional argument is the number of seeds (default 50). */
    public static void main(final String... args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "mean trials-to-target over %d seeds (cap %d; reached/seeds in brackets)%n", seeds,
                CAP);
        out.printf(Locale.ROOT, "%-27s %-7s %-7s %-15s %-15s %-15s %-11s %-11s%n", "task", "target", "optimum",
                "seed's edits", "random", "tpe", "tpe/seed", "tpe/random");
        for (BenchmarkTask task : BenchmarkTask.all()) {
            Result seed = task.name().equals("cnn-surrogate") ? run(seeds, s -> seedStrategy(task, s)) : null;
            Result random = run(seeds, s -> trialsToTarget(task, new RandomSampler(s)));
            Result tpe = run(seeds, s -> trialsToTarget(task, new TpeSampler(s)));
            out.printf(Locale.ROOT, "%-27s %-7s %-7.4f %-15s %-15s %-15s %-11s %-11.2f%n", task.name(),
                    task.target(), task.optimum(), seed == null ? "n/a" : seed, random, tpe,
                    seed == null ? "n/a" : String.format(Locale.ROOT, "%.2f", tpe.mean() / seed.mean()),
                    tpe.mean() / random.mean());
        }
        out.println("targets: tpe/seed <= 0.33, tpe/random <= 0.70");
    }

    /** Trials until a study of {@code task} with {@code sampler} first meets the target, at most {@link #CAP}. */
    static int trialsToTarget(final BenchmarkTask task, final Sampler sampler) {
        List<TrialRecord> history = new ArrayList<>();
        for (int number = 1; number <= CAP; number++) {
            Map<String, Object> params = sampler.sample(task.space(), history, task.direction());
            Double metric = task.objective().apply(params);
            if (metric != null && task.direction().meets(metric, task.target())) {
                return number;
            }
            history.add(metric == null ? Trials.ended(number, params, TrialState.FAILED)
                    : Trials.complete(number, params, metric));
        }
        return CAP;
    }

    /**
     * The seed's job 3 on the CNN surrogate: trial 1 trains the script as written (one conv block with pooling, 32
     * filters, 10 epochs, Adam's default rate); every further trial first applies one edit picked at random, to the
     * code as the last edit left it, crashed or not. "epochs 10 -> 20" changes nothing once epochs are 20.
     */
    static int seedStrategy(final BenchmarkTask task, final long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] pooled = {true};
        double epochs = 10;
        for (int number = 1; number <= CAP; number++) {
            if (number > 1) {
                switch (random.nextInt(3)) {
                    case 0 -> pooled = append(pooled, false);
                    case 1 -> epochs = epochs == 10 ? 20 : epochs;
                    default -> pooled = append(pooled, true);
                }
            }
            Double metric = CnnSurrogate.accuracy(pooled, 32, epochs, 1e-3);
            if (metric != null && task.direction().meets(metric, task.target())) {
                return number;
            }
        }
        return CAP;
    }

    private static boolean[] append(final boolean[] pooled, final boolean pool) {
        boolean[] longer = Arrays.copyOf(pooled, pooled.length + 1);
        longer[pooled.length] = pool;
        return longer;
    }

    private static Result run(final int seeds, final LongFunction<Integer> trials) {
        int total = 0;
        int reached = 0;
        for (long seed = 0; seed < seeds; seed++) {
            int count = trials.apply(seed);
            total += count;
            reached += count < CAP ? 1 : 0;
        }
        return new Result((double) total / seeds, reached, seeds);
    }

    /** The mean and how many runs reached the target. */
    private record Result(double mean, int reached, int seeds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f (%d/%d)", mean, reached, seeds);
        }
    }
}
