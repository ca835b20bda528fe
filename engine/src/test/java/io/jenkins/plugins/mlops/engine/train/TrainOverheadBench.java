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
 * time of a 2,000-file / 50 MB workspace. With mlops.jar, {@code mlops train} is timed as users run it: served by a
 * running {@code mlops serve}, and in a new JVM without a server. Arguments: image, runs, work folder, optional path
 * of mlops.jar.
 */
final class TrainOverheadBench {
    /** The cli's ServerProtocol.SOCKET_VARIABLE (the engine's tests cannot see the cli). */
    private static final String SOCKET_VARIABLE = "MLOPS_SERVER_SOCKET";
    private static final String TRAINER = "trainer";
    private static final String DOCKER = "docker run";
    private static final String COLD = "mlops train, new JVM";
    private static final String SERVED = "mlops train, served";
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
        Path cliJar = args.length > 3 && Files.isRegularFile(Path.of(args[3])) ? Path.of(args[3]) : null;
        Path small = Files.createDirectories(work.resolve("small"));
        Files.writeString(small.resolve("train.py"), SCRIPT);
        Path large = largeWorkspace(work.resolve("large"));

        Process server = cliJar == null ? null : startServer(cliJar, work);
        try (ContainerTrainer trainer = ContainerTrainer.fromEnvironment()) {
            print("warm-up (not counted): trainer %.2f s, docker run %.2f s%s", trainerSeconds(trainer, small, image),
                    dockerRunSeconds(small, image), server == null ? "" : String.format(Locale.ROOT,
                            ", mlops train served %.2f s", cliSeconds(cliJar, small, image, work, true)));
            List<Double> ratios = new ArrayList<>();
            List<Double> coldRatios = new ArrayList<>();
            List<Double> servedRatios = new ArrayList<>();
            print("%-4s %12s %12s %8s%s", "run", "trainer s", "docker run s", "ratio", cliJar == null ? ""
                    : "  new JVM s  ratio   served s  ratio");
            for (int run = 1; run <= runs; run++) {
                Map<String, Double> seconds = timeRotated(run, trainer, small, image, cliJar, work);
                double dockerTime = seconds.get(DOCKER);
                double trainerTime = seconds.get(TRAINER);
                ratios.add(trainerTime / dockerTime);
                String cli = "";
                if (cliJar != null) {
                    double coldTime = seconds.get(COLD);
                    double servedTime = seconds.get(SERVED);
                    coldRatios.add(coldTime / dockerTime);
                    servedRatios.add(servedTime / dockerTime);
                    cli = String.format(Locale.ROOT, "  %9.2f  %5.3f  %9.2f  %5.3f", coldTime, coldTime / dockerTime,
                            servedTime, servedTime / dockerTime);
                }
                print("%-4d %12.2f %12.2f %8.3f%s", run, trainerTime, dockerTime, trainerTime / dockerTime, cli);
            }
            print("median ratio ContainerTrainer (in process) / docker run --rm: %.3f (target <= 1.05)",
                    median(ratios));
            if (cliJar != null) {
                print("median ratio `mlops train` served by a running `mlops serve` / docker run --rm: %.3f "
                        + "(target <= 1.05)", median(servedRatios));
                print("median ratio `mlops train` in a new JVM (no server) / docker run --rm: %.3f",
                        median(coldRatios));
            }
            Path tiny = Files.createDirectories(work.resolve("tiny"));
            Files.writeString(tiny.resolve("train.py"), "print('ok')\n");
            List<Double> fixed = new ArrayList<>();
            List<Double> servedFixed = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                double dockerTime = dockerRunSeconds(tiny, image);
                fixed.add((trainerSeconds(trainer, tiny, image) - dockerTime) * 1000);
                if (server != null) {
                    servedFixed.add((cliSeconds(cliJar, tiny, image, work, true) - dockerTime) * 1000);
                }
            }
            print("fixed overhead on a script that only prints: median %+.0f ms per trial vs docker run --rm%s",
                    median(fixed), server == null ? "" : String.format(Locale.ROOT,
                            "; served `mlops train` (client JVM included) %+.0f ms", median(servedFixed)));
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
        finally {
            if (server != null) {
                server.destroy();
                server.waitFor();
            }
        }
    }

    /**
     * One run of each way to train, the order rotating from run to run, so that a slower phase of the machine does
     * not always hit the same one.
     */
    private static Map<String, Double> timeRotated(final int run, final ContainerTrainer trainer, final Path small,
            final String image, final Path cliJar, final Path work) throws IOException, InterruptedException {
        List<String> ways = new ArrayList<>(cliJar == null ? List.of(TRAINER, DOCKER)
                : List.of(TRAINER, DOCKER, COLD, SERVED));
        Collections.rotate(ways, run);
        Map<String, Double> seconds = new HashMap<>();
        for (String way : ways) {
            seconds.put(way, switch (way) {
                case TRAINER -> trainerSeconds(trainer, small, image);
                case DOCKER -> dockerRunSeconds(small, image);
                case COLD -> cliSeconds(cliJar, small, image, work, false);
                default -> cliSeconds(cliJar, small, image, work, true);
            });
        }
        return seconds;
    }

    private static double trainerSeconds(final ContainerTrainer trainer, final Path workspace, final String image) {
        long started = System.nanoTime();
        TrainingResult result = trainer.train(TrainingRequest.builder(workspace, image, "train.py")
                .run("bench", 1).build(), TrainingOutput.discard(), new RunLog());
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

    /** {@code mlops train} as a user runs it: served by the bench's server, or in a new JVM (no server). */
    private static double cliSeconds(final Path jar, final Path workspace, final String image, final Path work,
            final boolean served) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString(), "train", "--workspace",
                workspace.toString(), "--image", image, "--entry", "train.py", "--quiet");
        builder.environment().put(SOCKET_VARIABLE, work.resolve(served ? "serve.sock" : "no-server.sock").toString());
        return processSeconds(builder);
    }

    private static Process startServer(final Path jar, final Path work) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar.toString(), "serve", "--idle-minutes", "10")
                .redirectErrorStream(true).redirectOutput(work.resolve("serve.log").toFile());
        builder.environment().put(SOCKET_VARIABLE, work.resolve("serve.sock").toString());
        Process server = builder.start();
        for (int i = 0; i < 300 && !Files.exists(work.resolve("serve.sock")); i++) {
            Thread.sleep(100);
        }
        if (!Files.exists(work.resolve("serve.sock"))) {
            server.destroyForcibly();
            throw new IllegalStateException("mlops serve did not start: " + Files.readString(work.resolve("serve.log")));
        }
        return server;
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
        trainer.train(TrainingRequest.builder(workspace, image, "train.py").run("bench", 2).build(),
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
