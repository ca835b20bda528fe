package io.jenkins.plugins.mlops.engine.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium for browser checks of generated pages: a screenshot and the DOM after parsing. Each call uses
 * a fresh profile and turns off everything that would talk to the network. Where Chromium is missing the test is
 * skipped, except on CI ({@code CI=true}), where a missing browser is a failure.
 */
public final class HeadlessChromium {
    private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final long TIMEOUT_SECONDS = 90;

    private final Path executable;
    private final Path scratch;

    private HeadlessChromium(final Path executable, final Path scratch) {
        this.executable = executable;
        this.scratch = scratch;
    }

    /** The installed Chromium, working in {@code scratch}; skips (or fails on CI) when there is none. */
    public static HeadlessChromium findOrSkip(final Path scratch) {
        for (String candidate : CANDIDATES) {
            Path path = Path.of(candidate);
            if (Files.isExecutable(path)) {
                return new HeadlessChromium(path, scratch);
            }
        }
        String message = "Chromium is not installed (looked for " + CANDIDATES + "); install it with the set-up "
                + "script (apt-get install chromium) to run the browser tests";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message);
        }
        Assumptions.abort(message);
        return null;
    }

    /** A PNG screenshot of {@code page} at {@code width} x {@code height}. */
    public Path screenshot(final Path page, final Path png, final int width, final int height)
            throws IOException, InterruptedException {
        run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
                "--hide-scrollbars");
        if (!Files.isRegularFile(png)) {
            throw new AssertionError("Chromium wrote no screenshot " + png);
        }
        return png;
    }

    /** The DOM of {@code page} as Chromium serialises it after parsing. */
    public String dumpDom(final Path page) throws IOException, InterruptedException {
        return run(page, "--dump-dom");
    }

    /**
     * The DOM of {@code page} laid out in a {@code width} x {@code height} window, after its scripts ran (a script can
     * write measured positions into an attribute).
     */
    public String dumpDom(final Path page, final int width, final int height) throws IOException,
            InterruptedException {
        return run(page, "--dump-dom", "--window-size=" + width + "," + height);
    }

    private String run(final Path page, final String... extra) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(scratch, "chromium-profile");
        Path stdout = Files.createTempFile(scratch, "chromium", ".out");
        Path stderr = Files.createTempFile(scratch, "chromium", ".err");
        List<String> command = new ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--user-data-dir=" + profile.toAbsolutePath()));
        command.addAll(List.of(extra));
        command.add(page.toAbsolutePath().toUri().toString());
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("Chromium did not finish within " + TIMEOUT_SECONDS + " s: "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("Chromium exited with " + process.exitValue() + ": "
                    + Files.readString(stderr, StandardCharsets.UTF_8));
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }
}
