package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind bench/train-overhead.sh (not a test): paired wall times of {@link ContainerTrainer} and
 * {@code docker run --rm} on the same image and script (order alternating), their median ratio, and the copy-in
 * time of a 2,000-file / 50 MB workspace. With the {@code ./mlops} launcher, {@code mlops train} is timed as users
 * run it: through the launcher (its class-data-sharing archive) and as a plain {@code java -jar mlops.jar}.
 * Arguments: image, runs, work folder, optional path of the launcher.
 */
final class TrainOverheadBench {
    private static final String TRAINER = "trainer";
    private static final String DOCKER = "docker run";
    private static final String PLAIN = "mlops train, java -jar";
    private static final String LAUNCHER = "mlops train, ./mlops";
    private static final Pattern COPY_IN = Pattern.compile("copied into the container in (\\d+) ms");
    private static final String SCRIPT = """
            from sklearn.datasets import load_digits
            from sklearn.ensemble import RandomForestClassifier
            from sklearn.model_selection import cross_val_score
            X, y = load_digits(return_X_y=True)
            scores = cross_val_score(RandomForestClassifier(n_estimators=300, random_state=0), X, y, cv=3)
            print(f"MLOPS_METRIC accuracy={scores.mean():.4f}")
            """;

    private TrainOverheadBench() {
    }

    public static void main(final String... args) throws Exception {
        String image = args[0];
        int runs = Integer.parseInt(args[1]);
        Path work = Path.of(args[2]);
        Path launcher = args.length > 3 && Files.isRegularFile(Path.of(args[3])) ? Path.of(args[3]) : null;
        Path small = Files.createDirectories(work.resolve("small"));
        Files.writeString(small.resolve("train.py"), SCRIPT);
        Path large = largeWorkspace(work.resolve("large"));

        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            print("warm-up (not counted): trainer %.2f s, docker run %.2f s%s", trainerSeconds(trainer, small, image),
                    dockerRunSeconds(small, image), launcher == null ? "" : String.format(Locale.ROOT,
                            ", ./mlops train %.2f s", cliSeconds(List.of(launcher.toString()), small, image)));
            List<Double> ratios = new ArrayList<>();
            List<Double> plainRatios = new ArrayList<>();
            List<Double> launcherRatios = new ArrayList<>();
            print("%-4s %12s %12s %8s%s", "run", "trainer s", "docker run s", "ratio", launcher == null ? ""
                    : "  java -jar s  ratio   ./mlops s  ratio");
            for (int run = 1; run <= runs; run++) {
                Map<String, Double> seconds = timeRotated(run, trainer, small, image, launcher);
                double dockerTime = seconds.get(DOCKER);
                double trainerTime = seconds.get(TRAINER);
                ratios.add(trainerTime / dockerTime);
                String cli = "";
                if (launcher != null) {
                    double plainTime = seconds.get(PLAIN);
                    double launcherTime = seconds.get(LAUNCHER);
                    plainRatios.add(plainTime / dockerTime);
                    launcherRatios.add(launcherTime / dockerTime);
                    cli = String.format(Locale.ROOT, "  %10.2f  %5.3f  %8.2f  %5.3f", plainTime,
                            plainTime / dockerTime, launcherTime, launcherTime / dockerTime);
                }
                print("%-4d %12.2f %12.2f %8.3f%s", run, trainerTime, dockerTime, trainerTime / dockerTime, cli);
            }
            print("median ratio ContainerTrainer (in process) / docker run --rm: %.3f (target <= 1.05)",
                    median(ratios));
            if (launcher != null) {
                print("median ratio `./mlops train` (class-data-sharing archive) / docker run --rm: %.3f",
                        median(launcherRatios));
                print("median ratio `java -jar mlops.jar train` (no archive) / docker run --rm: %.3f",
                        median(plainRatios));
            }
            Path tiny = Files.createDirectories(work.resolve("tiny"));
            Files.writeString(tiny.resolve("train.py"), "print('ok')\n");
            List<Double> fixed = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double dockerTime = dockerRunSeconds(tiny, image);
                fixed.add((trainerSeconds(trainer, tiny, image) - dockerTime) * 1000);
            }
            print("fixed overhead on a script that only prints: median %+.0f ms per trial vs docker run --rm",
                    median(fixed));
            List<Double> copyIns = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                copyIns.add(copyInMillis(trainer, large, image));
            }
            List<Double> dockerCps = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                dockerCps.add(dockerCpMillis(large, image));
            }
            print("copy-in of the 2,000-file / 50 MB workspace: median %.0f ms (runs: %s); `docker cp` of the same "
                    + "folder: median %.0f ms", median(copyIns), copyIns.stream()
                    .map(ms -> String.format(Locale.ROOT, "%.0f", ms)).toList(), median(dockerCps));
        }
    }

    /**
     * One run of each way to train, the order rotating from run to run, so that a slower phase of the machine does
     * not always hit the same one.
     */
    private static Map<String, Double> timeRotated(final int run, final ContainerTrainer trainer, final Path small,
            final String image, final Path launcher) throws IOException, InterruptedException {
        List<String> ways = new ArrayList<>(launcher == null ? List.of(TRAINER, DOCKER)
                : List.of(TRAINER, DOCKER, PLAIN, LAUNCHER));
        Collections.rotate(ways, run);
        Map<String, Double> seconds = new HashMap<>();
        for (String way : ways) {
            seconds.put(way, switch (way) {
                case TRAINER -> trainerSeconds(trainer, small, image);
                case DOCKER -> dockerRunSeconds(small, image);
                case PLAIN -> cliSeconds(List.of(java(), "-jar", launcher.resolveSibling("cli/target/mlops.jar")
                        .toString()), small, image);
                default -> cliSeconds(List.of(launcher.toString()), small, image);
            });
        }
        return seconds;
    }

    private static double trainerSeconds(final ContainerTrainer trainer, final Path workspace, final String image) {
        long started = System.nanoTime();
        TrainingResult result = trainer.train(TrainingRequest.builder(workspace, image, "train.py")
                .trial("bench", 1).build(), TrainingOutput.discard(), new RunLog());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (result.state() != TrialState.COMPLETE) {
            throw new IllegalStateException("the benchmark training failed: " + result.message());
        }
        return seconds;
    }

    private static double dockerRunSeconds(final Path workspace, final String image) throws IOException,
            InterruptedException {
        return processSeconds(List.of("docker", "run", "--rm", "--network", "none", "-v",
                workspace.toAbsolutePath() + ":/workspace", "-w", "/workspace", image, "python3", "train.py"));
    }

    /** {@code mlops train} as a user runs it, started by {@code command}. */
    private static double cliSeconds(final List<String> command, final Path workspace, final String image)
            throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(command);
        line.addAll(List.of("train", "--workspace", workspace.toString(), "--image", image, "--entry", "train.py",
                "--quiet"));
        return processSeconds(line);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static double processSeconds(final List<String> command) throws IOException, InterruptedException {
        return processSeconds(new ProcessBuilder(command));
    }

    private static double processSeconds(final ProcessBuilder builder) throws IOException, InterruptedException {
        long started = System.nanoTime();
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = process.waitFor();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", builder.command()) + " exited " + exit);
        }
        return seconds;
    }

    private static double copyInMillis(final ContainerTrainer trainer, final Path workspace, final String image) {
        RunLog log = new RunLog();
        trainer.train(TrainingRequest.builder(workspace, image, "train.py").trial("bench", 2).build(),
                TrainingOutput.discard(), log);
        for (String line : log.getInfoMessages()) {
            Matcher matcher = COPY_IN.matcher(line);
            if (matcher.find()) {
                return Double.parseDouble(matcher.group(1));
            }
        }
        throw new IllegalStateException("no copy-in time in the log: " + log.getInfoMessages());
    }

    /** The docker CLI's own copy into a created container, for comparison. */
    private static double dockerCpMillis(final Path workspace, final String image) throws IOException,
            InterruptedException {
        Process create = new ProcessBuilder("docker", "create", "--read-only", "-v", "/workspace", image, "true")
                .start();
        String id = new String(create.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                .strip();
        create.waitFor();
        try {
            return processSeconds(List.of("docker", "cp", workspace.toAbsolutePath() + "/.", id + ":/workspace"))
                    * 1000;
        }
        finally {
            new ProcessBuilder("docker", "rm", "-v", id).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                    .waitFor();
        }
    }

    private static Path largeWorkspace(final Path dir) throws IOException {
        byte[] content = new byte[25 * 1024];
        for (int i = 0; i < 2000; i++) {
            Path file = dir.resolve("data/part" + i / 100 + "/sample" + i + ".bin");
            Files.createDirectories(file.getParent());
            content[0] = (byte) i;
            Files.write(file, content);
        }
        Files.writeString(dir.resolve("train.py"), "print('ok')\n");
        return dir;
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
