package io.jenkins.plugins.mlops.engine.source;

import io.jenkins.plugins.mlops.engine.model.GitCredentials;
import io.jenkins.plugins.mlops.engine.testing.GitRepositories;
import io.jenkins.plugins.mlops.engine.testing.HttpGitServer;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Benchmark behind {@code bench/poll-fetch.sh}, not a test: for one repository (200 files, 20 commits) served over
 * file:// and over the HTTP git server, it prints the median time of a poll against {@code git ls-remote} on the
 * same URL (target: poll at most 1.5x), and of an incremental fetch of one new commit against a fresh clone.
 */
final class PollFetchBenchmark {
    private static final PrintStream OUT = System.out;
    private final int rounds;
    private final Path root;
    private final Path bare;

    private PollFetchBenchmark(final int rounds, final Path root) throws Exception {
        this.rounds = rounds;
        this.root = root;
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            files.put("src/module" + i / 20 + "/file" + i + ".py", "x = " + i + "\n".repeat(50));
        }
        bare = GitRepositories.createWithFiles(root, "repo.git", files);
        for (int i = 0; i < 20; i++) {
            GitRepositories.commit(bare, "main", "commit " + i, Map.of("src/module0/file0.py", "x = " + i));
        }
    }

    public static void main(final String... args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Path root = Files.createTempDirectory("poll-fetch-bench");
        try {
            PollFetchBenchmark benchmark = new PollFetchBenchmark(rounds, root);
            try (HttpGitServer server = HttpGitServer.start(root)) {
                benchmark.measure("file://", GitRepositories.url(benchmark.bare));
                benchmark.measure("http", server.url("repo.git"));
            }
        }
        finally {
            GitRepositories.deleteRecursively(root);
        }
    }

    private void measure(final String label, final String url) throws Exception {
        RepositoryPoller poller = new RepositoryPoller();
        String head = GitRepositories.head(bare, "main");
        for (int i = 0; i < 5; i++) {
            poller.poll(url, "main", GitCredentials.NONE, head);
            lsRemote(url);
        }
        long[] polls = new long[rounds];
        long[] lsRemotes = new long[rounds];
        for (int i = 0; i < rounds; i++) {
            polls[i] = time(() -> poller.poll(url, "main", GitCredentials.NONE, head));
            lsRemotes[i] = time(() -> lsRemote(url));
        }
        double poll = median(polls);
        double ls = median(lsRemotes);
        OUT.printf(Locale.ROOT, "%-8s poll (unchanged)  median %7.2f ms | git ls-remote %7.2f ms | ratio %.2fx "
                + "(target <= 1.5x: %s)%n", label, poll, ls, poll / ls, poll / ls <= 1.5 ? "met" : "NOT met");

        RepositoryFetcher fetcher = new RepositoryFetcher();
        Path workspace = Files.createTempDirectory(root, "ws");
        fetcher.fetch(new FetchRequest(url, "main", GitCredentials.NONE, workspace, 0), new RunLog());
        int fetchRounds = Math.max(3, rounds / 3);
        long[] fetches = new long[fetchRounds];
        long[] clones = new long[fetchRounds];
        for (int i = 0; i < fetchRounds; i++) {
            GitRepositories.commit(bare, "main", "bench " + label + i, Map.of("bench.txt", label + i));
            fetches[i] = time(() -> fetcher.fetch(new FetchRequest(url, "main", GitCredentials.NONE, workspace, 0),
                    new RunLog()));
            Path fresh = Files.createTempDirectory(root, "clone");
            clones[i] = time(() -> fetcher.fetch(new FetchRequest(url, "main", GitCredentials.NONE, fresh, 0),
                    new RunLog()));
            GitRepositories.deleteRecursively(fresh);
        }
        double fetch = median(fetches);
        double clone = median(clones);
        OUT.printf(Locale.ROOT, "%-8s fetch of 1 commit median %7.2f ms | fresh clone   %7.2f ms | ratio %.2fx%n",
                label, fetch, clone, fetch / clone);
    }

    private static void lsRemote(final String url) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("git", "ls-remote", url, "refs/heads/main")
                .redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("git ls-remote " + url + " failed");
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static long time(final Action action) throws Exception {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static double median(final long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1_000_000.0;
    }
}
