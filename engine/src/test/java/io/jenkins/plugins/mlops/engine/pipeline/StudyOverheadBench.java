package io.jenkins.plugins.mlops.engine.pipeline;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.notify.DeveloperNotifier;
import io.jenkins.plugins.mlops.engine.train.ContainerTrainer;
import io.jenkins.plugins.mlops.engine.train.TrainingOutput;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The benchmark behind the per-trial part of bench/train-overhead.sh (not a test): a trial inside one run, as
 * {@code mlops run} and the Jenkins steps train it (the whole chain in this JVM, {@code TRIALS} identical trials:
 * the search space's only parameter is not read by the script), against {@code docker run --rm} of the same image
 * and script on the same folder, in one run, the order alternating. A trial is its span in the log (from its start
 * to the next trial's: tweak, work directory, container, copy-back, gate, run.json); the once-per-study costs (the
 * copy of the workspace, the volume's removal, the report) are printed apart, and the whole chain per trial too. Three workspaces: the script alone, and with
 * 100 MB (5,000 files) and 1 GB (1,000 files) of generated data beside it. Arguments: image, runs, work folder;
 * {@code -Dbench.trace=true} prints each study's log with timestamps.
 */
final class StudyOverheadBench {
    private static final int TRIALS = 3;
    private static final Pattern SHARED = Pattern.compile("copied once for the study's trials .* in (\\d+) ms");
    private static final Pattern TRIAL_START = Pattern.compile("^Trial (\\d+): training ");
    private static final String SCRIPT = """
            from sklearn.datasets import load_digits
            from sklearn.ensemble import RandomForestClassifier
            from sklearn.model_selection import cross_val_score
            X, y = load_digits(return_X_y=True)
            scores = cross_val_score(RandomForestClassifier(n_estimators=300, random_state=0), X, y, cv=3)
            print(f"MLOPS_METRIC accuracy={scores.mean():.4f}")
            """;

    private StudyOverheadBench() {
    }

    public static void main(final String... args) throws Exception {
        String image = args[0];
        int runs = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Path launcher = args.length > 3 && Files.isRegularFile(Path.of(args[3])) ? Path.of(args[3]) : null;
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            Path small = workspace(work.resolve("study-small"), image, 0, 0);
            print("warm-up study (not counted): a trial %.2f s", study(trainer, small).trial());
            print("%d identical trials per study, %d runs per workspace; ratios to `docker run --rm` of the same "
                    + "image, script and folder: a trial inside `mlops run` (its span in the log, from its start to "
                    + "the next one's), and the whole chain / %d", TRIALS, runs, TRIALS);
            measure(trainer, image, "script only", small, runs);
            measure(trainer, image, "100 MB, 5,000 files", workspace(work.resolve("study-100m"), image, 5000,
                    20 * 1024), runs);
            measure(trainer, image, "1 GB, 1,000 files", workspace(work.resolve("study-1g"), image, 1000,
                    1024 * 1024), runs);
            if (launcher != null) {
                measureLauncher(launcher, image, small, runs);
            }
        }
    }

    /** `./mlops run` as users start it: a new JVM (with the launcher's class-data-sharing archive) per run. */
    private static void measureLauncher(final Path launcher, final String image, final Path workspace,
            final int runs) throws IOException, InterruptedException {
        List<Double> ratios = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double docker = 0;
            double cli = 0;
            for (int way = 0; way < 2; way++) {
                if ((way + run) % 2 == 0) {
                    deleteRecursively(workspace.resolve(".mlops"));
                    long started = System.nanoTime();
                    Process process = new ProcessBuilder(launcher.toString(), "run", "--workspace",
                            workspace.toString(), "--quiet", "--no-publish").redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    process.waitFor();
                    cli = (System.nanoTime() - started) / 1e9 / TRIALS;
                    int trained = new ChainStateStore(workspace).load().map(state -> state.trials().size()).orElse(0);
                    if (trained != TRIALS) {
                        throw new IllegalStateException("./mlops run trained " + trained + " trials, not " + TRIALS);
                    }
                }
                else {
                    docker = dockerRunSeconds(workspace, image);
                }
            }
            ratios.add(cli / docker);
            print("  ./mlops run, new JVM, run %d: %.2f s per trial (JVM start included), docker run --rm %.2f s: "
                    + "ratio %.3f", run, cli, docker, cli / docker);
        }
        print("median ratio per trial, `./mlops run` in a new JVM (script only): %.3f", median(ratios));
    }

    private static void measure(final ContainerTrainer trainer, final String image, final String name,
            final Path workspace, final int runs) throws IOException, InterruptedException {
        List<Double> trialRatios = new ArrayList<>();
        List<Double> chainRatios = new ArrayList<>();
        List<Double> copies = new ArrayList<>();
        List<Double> ends = new ArrayList<>();
        List<Double> owns = new ArrayList<>();
        for (int run = 1; run <= runs; run++) {
            double docker = 0;
            Timing timing = null;
            for (int way = 0; way < 2; way++) {
                if ((way + run) % 2 == 0) {
                    timing = study(trainer, workspace);
                }
                else {
                    docker = dockerRunSeconds(workspace, image);
                }
            }
            trialRatios.add(timing.trial() / docker);
            chainRatios.add(timing.seconds() / TRIALS / docker);
            copies.add(timing.copy());
            ends.add(timing.end());
            owns.add(timing.own());
            print("  %-20s run %d: a trial %.2f s (%.0f ms of it outside the container's run), docker run --rm "
                    + "%.2f s: ratio %.3f; whole chain / %d: %.3f; once per study: copy %.2f s, end %.2f s", name,
                    run, timing.trial(), timing.own() * 1000, docker, timing.trial() / docker, TRIALS,
                    timing.seconds() / TRIALS / docker, timing.copy(), timing.end());
        }
        print("median ratio, a trial inside one run / docker run --rm, %s: %.3f; outside the container's run %.0f ms "
                + "per trial (whole chain / %d: %.3f; once per study: copy %.2f s, volume removal and report %.2f s)",
                name, median(trialRatios), median(owns) * 1000, TRIALS, median(chainRatios), median(copies),
                median(ends));
    }

    /**
     * How long one study took: the whole chain; a trial (the median of each trial's span from its start to the next
     * one's, or to the study's end, trial 1 without the copy); the once-per-study copy; the end (the volume's
     * removal, the report) after the study stopped; and of a trial's span, the part outside its container's run
     * (from start to exit, as run.json records it): work directory, tweak, create, copy in and out, removal, gate.
     */
    private record Timing(double seconds, double trial, double copy, double end, double own) {
    }

    private static Timing study(final ContainerTrainer trainer, final Path workspace) throws IOException {
        deleteRecursively(workspace.resolve(".mlops"));
        long started = System.nanoTime();
        // -Dbench.trace=true: every log line with the milliseconds since the study started, to see where time goes.
        boolean trace = Boolean.getBoolean("bench.trace");
        Map<String, Long> marks = new java.util.concurrent.ConcurrentHashMap<>();
        RunLog log = new RunLog((error, line) -> {
            long now = System.nanoTime();
            Matcher trial = TRIAL_START.matcher(line);
            if (trial.find()) {
                marks.putIfAbsent("trial " + trial.group(1), now);
            }
            else if (line.startsWith("Study stopped")) {
                marks.put("stopped", now);
            }
            if (trace) {
                print("%8d ms  %s", (now - started) / 1_000_000, line);
            }
        });
        ChainResult result = new Chain(trainer, new DeveloperNotifier(), Map.of()).run(ChainRequest.of(workspace), TrainingOutput.discard(), log);
        long ended = System.nanoTime();
        List<TrialRecord> trials = result.state().trials();
        if (trials.size() != TRIALS || trials.stream().anyMatch(t -> t.state() != TrialState.COMPLETE)) {
            throw new IllegalStateException("the benchmark study did not train " + TRIALS + " trials: " + trials
                    + "\n" + String.join("\n", log.getErrorMessages()));
        }
        double copy = 0;
        for (String line : log.getInfoMessages()) {
            Matcher matcher = SHARED.matcher(line);
            if (matcher.find()) {
                copy = Long.parseLong(matcher.group(1)) / 1000.0;
            }
        }
        List<Double> spans = new ArrayList<>();
        List<Double> own = new ArrayList<>();
        for (int number = 1; number <= TRIALS; number++) {
            long next = number < TRIALS ? marks.get("trial " + (number + 1)) : marks.get("stopped");
            double span = (next - marks.get("trial " + number)) / 1e9 - (number == 1 ? copy : 0);
            spans.add(span);
            own.add(span - trials.get(number - 1).durationMillis() / 1000.0);
        }
        return new Timing((ended - started) / 1e9, median(spans), copy, (ended - marks.get("stopped")) / 1e9,
                median(own));
    }

    /** One {@code docker run --rm} per trial of a study, so that both sides train {@link #TRIALS} times. */
    private static double dockerRunSeconds(final Path workspace, final String image) throws IOException,
            InterruptedException {
        double total = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            long started = System.nanoTime();
            Process process = new ProcessBuilder("docker", "run", "--rm", "--network", "none", "-v",
                    workspace.toAbsolutePath() + ":/workspace", "-w", "/workspace", image, "python3", "train.py")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("docker run of the benchmark script failed");
            }
            total += (System.nanoTime() - started) / 1e9;
        }
        return total / TRIALS;
    }

    /** A workspace with the script, its mlops.yml and {@code files} generated files of {@code size} bytes. */
    private static Path workspace(final Path dir, final String image, final int files, final int size)
            throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("train.py"), SCRIPT);
        Files.writeString(dir.resolve("mlops.yml"), "image: " + image + "\nentry: train.py\ntarget: 0.999\n"
                + "max_trials: " + TRIALS + "\nsampler: random\nsearch_space:\n"
                + "  unused: {type: int, low: 1, high: 1000}\n");
        byte[] content = new byte[size];
        for (int i = 0; i < files; i++) {
            Path file = dir.resolve("data/part" + i / 100 + "/sample" + i + ".bin");
            Files.createDirectories(file.getParent());
            content[i % Math.max(1, size)] = (byte) i;
            Files.write(file, content);
        }
        return dir;
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static double median(final List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    @SuppressWarnings("PMD.SystemPrintln")
    private static void print(final String format, final Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
