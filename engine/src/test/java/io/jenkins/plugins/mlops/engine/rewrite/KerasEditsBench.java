package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.train.TrainingRequest;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The Keras part of bench/keras.sh (not a test): trials to the target of the demo's Keras model (scripts/demo.sh
 * --framework keras) with the study's source rewrites, against the seed-style strategy, a random pick among "add
 * conv", "add conv + pool" and "double the epochs" each trial, over several seeds. Every script is trained for real
 * in mlops/keras; one container serves all trainings (TensorFlow imports once) and a script trained before is not
 * trained again (the demo model seeds its randomness, so the same code gives the same accuracy).
 */
final class KerasEditsBench {
    private static final ModelType KERAS_CNN = new ModelType(Framework.KERAS, Architecture.CNN);
    private static final double TARGET = 0.90;
    private static final String SERVER = """
            import contextlib, io, os, runpy, time, keras
            n = 0
            while not os.path.exists("queue/stop"):
                path = "queue/%d.py" % n
                if not os.path.exists(path):
                    time.sleep(0.05)
                    continue
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        runpy.run_path(path, run_name="__main__")
                    result = open("accuracy.txt").read().strip()
                except Exception as error:
                    result = "FAILED %s" % type(error).__name__
                keras.backend.clear_session()
                with open("queue/%d.tmp" % n, "w") as out:
                    out.write(result)
                os.rename("queue/%d.tmp" % n, "queue/%d.out" % n)
                n += 1
            """;

    private final Path workspace;
    private final Map<String, Double> accuracies = new HashMap<>();
    private int trained;

    private KerasEditsBench(final Path workspace) {
        this.workspace = workspace;
    }

    /** Arguments: the demo's train.py, a scratch folder, the number of seeds, the most trials per study. */
    public static void main(final String... args) throws Exception {
        String baseline = Files.readString(Path.of(args[0]));
        Path workspace = Path.of(args[1]);
        int seeds = Integer.parseInt(args[2]);
        int maxTrials = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        KerasEditsBench bench = new KerasEditsBench(workspace);
        Files.createDirectories(workspace.resolve("queue"));
        Files.writeString(workspace.resolve("server.py"), SERVER);
        // The container's user (uid 1000) writes the queue's answers into this bind-mounted folder.
        for (Path path : List.of(workspace, workspace.resolve("queue"))) {
            path.toFile().setWritable(true, false);
        }
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            Future<?> server = executor.submit(() -> trainer.train(TrainingRequest.builder(workspace,
                    "mlops/keras:0.1", "server.py").trial("keras-edits-bench", 1).bindMount(true)
                    .timeout(Duration.ofHours(2)).build(), TrainingOutput.discard(), new RunLog()));
            int demo = bench.rewrites(baseline, maxTrials, out);
            List<Integer> random = new ArrayList<>();
            for (int seed = 1; seed <= seeds; seed++) {
                random.add(bench.randomEdits(baseline, new SplittableRandom(seed), maxTrials));
                out.printf(Locale.ROOT, "seed-style random edits, seed %d: %s%n", seed, trials(random.get(seed - 1),
                        maxTrials));
            }
            Files.writeString(workspace.resolve("queue/stop"), "");
            server.get();
            double mean = random.stream().mapToInt(trials -> Math.min(trials, maxTrials)).average().orElse(0);
            out.printf(Locale.ROOT, "trials to %.2f (cap %d; a miss counts as the cap, a flattering lower bound): "
                    + "source rewrites %d, seed-style random edits mean %.1f over %d seeds (%d reached); ratio %.2f; "
                    + "%d distinct scripts trained%n",
                    TARGET, maxTrials, demo, mean, seeds, random.stream().filter(t -> t <= maxTrials).count(),
                    demo / mean, bench.trained);
        }
        finally {
            executor.shutdownNow();
        }
    }

    private static String trials(final int trials, final int cap) {
        return trials > cap ? "missed in " + cap + " trials" : trials + " trials";
    }

    /** The study's way: each trial rewrites the best code so far, the rewriter choosing from the history. */
    private int rewrites(final String baseline, final int maxTrials, final PrintStream out) throws Exception {
        Path code = Files.createDirectories(workspace.resolve("rewrites"));
        List<TrialRecord> history = new ArrayList<>();
        String best = baseline;
        double bestMetric = -1;
        for (int number = 1; number <= maxTrials; number++) {
            String script = baseline;
            String change = "baseline";
            String diff = null;
            if (number > 1) {
                Files.writeString(code.resolve("train.py"), best);
                Optional<SourceEdit> edit = new SourceRewriter().tweak(code, "train.py", KERAS_CNN, history,
                        new RunLog());
                if (edit.isEmpty()) {
                    return maxTrials + 1;
                }
                script = Files.readString(code.resolve("train.py"));
                change = edit.get().change();
                diff = edit.get().diff();
            }
            double metric = accuracy(script);
            out.printf(Locale.ROOT, "source rewrites, trial %d: %.4f  %s%n", number, metric, change);
            TrialRecord running = TrialRecord.running(number, Map.of(), diff, change, null, null);
            history.add(metric < 0 ? running.finish(TrialState.FAILED, null, 1, null, "failed")
                    : running.finish(TrialState.COMPLETE, metric, 1, null, null));
            if (metric >= TARGET) {
                return number;
            }
            if (metric > bestMetric) {
                best = script;
                bestMetric = metric;
            }
        }
        return maxTrials + 1;
    }

    /** The seed's way: each trial applies one of three edits at random to the last trial's code. */
    private int randomEdits(final String baseline, final SplittableRandom random, final int maxTrials)
            throws Exception {
        String script = baseline;
        EditHistory none = new EditHistory(List.of(), Direction.MAXIMIZE);
        for (int number = 1; number <= maxTrials; number++) {
            if (number > 1) {
                int pick = random.nextInt(3);
                PythonCode code = PythonCode.parse(script).orElseThrow();
                Optional<TextEdit> edit = pick == 0 ? KerasEdits.epochs(code, none, new RunLog())
                        : new KerasEdits().find(EditKind.ADD_CONV_BLOCK, code, none, new RunLog())
                                .map(block -> pick == 1 ? withoutPooling(block) : block);
                String before = script;
                script = edit.map(e -> e.apply(before)).orElse(script);
            }
            if (accuracy(script) >= TARGET) {
                return number;
            }
        }
        return maxTrials + 1;
    }

    /** "Add conv": the conv block without its pooling layer. */
    private static TextEdit withoutPooling(final TextEdit block) {
        return new TextEdit(block.edit(), block.details(), block.splices().stream().map(splice -> new TextEdit.Splice(
                splice.start(), splice.end(), String.join("\n", splice.text().lines()
                        .filter(line -> KerasEdits.POOL.stream().noneMatch(line::contains)).toList())
                        + (splice.text().endsWith("\n") ? "\n" : ""))).toList());
    }

    /** The script's accuracy (-1 when it fails), trained once per distinct script. */
    private double accuracy(final String script) throws IOException, InterruptedException {
        Double known = accuracies.get(script);
        if (known != null) {
            return known;
        }
        int number = trained++;
        Path answer = workspace.resolve("queue/" + number + ".out");
        Path request = workspace.resolve("queue/" + number + ".py");
        Files.writeString(workspace.resolve("queue/" + number + ".part"), script);
        Files.move(workspace.resolve("queue/" + number + ".part"), request);
        while (!Files.exists(answer)) {
            Thread.sleep(100);
        }
        String result = Files.readString(answer).trim();
        double metric = result.startsWith("FAILED") ? -1 : Double.parseDouble(result);
        accuracies.put(script, metric);
        return metric;
    }
}
