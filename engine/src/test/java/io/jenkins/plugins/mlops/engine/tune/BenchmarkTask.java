package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.tune.Distribution.Choice;
import io.jenkins.plugins.mlops.engine.tune.Distribution.FloatRange;
import io.jenkins.plugins.mlops.engine.tune.Distribution.IntRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An objective with a search space and a target, for the tweak benchmark: trials-to-target is the number of trials
 * until the objective first meets the target. The objective returns {@code null} for a trial that crashes.
 *
 * @param name      what the task is called in the benchmark's table
 * @param space     what the samplers search over
 * @param objective the metric of a trial with the given params, or {@code null} when it would crash
 * @param direction whether a bigger metric is better
 * @param target    the value a trial must reach
 * @param optimum   the best value the objective can take (known), for the table
 */
record BenchmarkTask(String name, SearchSpace space, Function<Map<String, Object>, Double> objective,
        Direction direction, double target, double optimum) {
    /** The tasks of the benchmark, the CNN surrogate first. */
    static List<BenchmarkTask> all() {
        return List.of(cnnSurrogate(), branin(), hartmann3(), digitsMlp());
    }

    /**
     * A surrogate of a small Keras CNN on 28x28 images (synthetic; optimum 0.995 at 3 pooled conv blocks of 64
     * filters, learning rate 1e-3, many epochs). Too many pooling layers shrink the image below 1x1: a crash.
     */
    static BenchmarkTask cnnSurrogate() {
        SearchSpace space = space(Map.of(
                "conv_blocks", new IntRange(1, 5, 1, false),
                "pooling", new Choice(List.of(true, false)),
                "filters", new IntRange(8, 128, 1, true),
                "epochs", new IntRange(5, 200, 1, true),
                "learning_rate", new FloatRange(1e-4, 1e-1, true)));
        return new BenchmarkTask("cnn-surrogate", space, params -> {
            boolean[] pooled = new boolean[number(params, "conv_blocks").intValue()];
            java.util.Arrays.fill(pooled, Boolean.TRUE.equals(params.get("pooling")));
            return CnnSurrogate.accuracy(pooled, number(params, "filters").doubleValue(),
                    number(params, "epochs").doubleValue(), number(params, "learning_rate").doubleValue());
        }, Direction.MAXIMIZE, 0.93, 0.995);
    }

    /** The Branin function (minimum 0.397887 at three points), a standard test of global optimisers. */
    static BenchmarkTask branin() {
        SearchSpace space = space(Map.of("x1", new FloatRange(-5, 10, false), "x2", new FloatRange(0, 15, false)));
        return new BenchmarkTask("branin", space, params -> {
            double x1 = number(params, "x1").doubleValue();
            double x2 = number(params, "x2").doubleValue();
            double b = 5.1 / (4 * Math.PI * Math.PI);
            double c = 5 / Math.PI;
            double t = 1 / (8 * Math.PI);
            return Math.pow(x2 - b * x1 * x1 + c * x1 - 6, 2) + 10 * (1 - t) * Math.cos(x1) + 10;
        }, Direction.MINIMIZE, 0.8, 0.397887);
    }

    /** The Hartmann 3-D function, negated to a maximum of 3.86278 at (0.1146, 0.5556, 0.8525). */
    static BenchmarkTask hartmann3() {
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double[][] a = {{3.0, 10, 30}, {0.1, 10, 35}, {3.0, 10, 30}, {0.1, 10, 35}};
        double[][] p = {{0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470}, {0.1091, 0.8732, 0.5547},
                {0.0381, 0.5743, 0.8828}};
        SearchSpace space = space(Map.of("x1", new FloatRange(0, 1, false), "x2", new FloatRange(0, 1, false),
                "x3", new FloatRange(0, 1, false)));
        return new BenchmarkTask("hartmann3", space, params -> {
            double[] x = {number(params, "x1").doubleValue(), number(params, "x2").doubleValue(),
                    number(params, "x3").doubleValue()};
            double sum = 0;
            for (int i = 0; i < 4; i++) {
                double inner = 0;
                for (int j = 0; j < 3; j++) {
                    inner += a[i][j] * Math.pow(x[j] - p[i][j], 2);
                }
                sum += alpha[i] * Math.exp(-inner);
            }
            return sum;
        }, Direction.MAXIMIZE, 3.5, 3.86278);
    }

    /**
     * scikit-learn's MLPClassifier on the bundled digits data: a table of real test accuracies measured once by
     * bench/digits-mlp-table.py (hidden units x max_iter x learning_rate_init); a trial gets the accuracy of the
     * nearest measured point in log space.
     */
    static BenchmarkTask digitsMlp() {
        List<double[]> table = readTable("digits-mlp-accuracy.csv");
        SearchSpace space = space(Map.of(
                "hidden_units", new IntRange(2, 128, 1, true),
                "max_iter", new IntRange(5, 160, 1, true),
                "learning_rate_init", new FloatRange(1e-4, 1e-1, true)));
        return new BenchmarkTask("digits-mlp (real sklearn)", space, params -> {
            double[] at = {Math.log(number(params, "hidden_units").doubleValue()),
                    Math.log(number(params, "max_iter").doubleValue()),
                    Math.log(number(params, "learning_rate_init").doubleValue())};
            double[] nearest = null;
            double best = Double.MAX_VALUE;
            for (double[] row : table) {
                double distance = 0;
                for (int i = 0; i < 3; i++) {
                    distance += Math.pow(Math.log(row[i]) - at[i], 2);
                }
                if (distance < best) {
                    best = distance;
                    nearest = row;
                }
            }
            return nearest[3];
        }, Direction.MAXIMIZE, 0.975, table.stream().mapToDouble(row -> row[3]).max().orElseThrow());
    }

    private static List<double[]> readTable(final String resource) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                BenchmarkTask.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            List<double[]> rows = new ArrayList<>();
            reader.lines().skip(1).forEach(line -> rows.add(
                    java.util.Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray()));
            return rows;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static SearchSpace space(final Map<String, Distribution> parameters) {
        return new SearchSpace(new TreeMap<>(parameters));
    }

    private static Number number(final Map<String, Object> params, final String name) {
        return (Number) params.get(name);
    }
}
