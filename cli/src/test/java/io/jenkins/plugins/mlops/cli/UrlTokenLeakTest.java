package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 13.5: a token in the repository URL is never printed or stored. A fetch from a closed port fails, then the
 * report is written: stderr, run.json and report.html hold no trace of the token. Before the fix the token without
 * a user name and the user info with a space or a tab were printed and stored as they were.
 */
class UrlTokenLeakTest {
    private static final String TOKEN = "TOKEN4242";

    @TempDir
    private Path workspace;

    private final InProcessMlops mlops = new InProcessMlops();

    @ParameterizedTest
    @ValueSource(strings = {"http://:" + TOKEN + "@127.0.0.1:%d/r.git", "http://u:" + TOKEN + " x@127.0.0.1:%d/r.git",
            "http://u:" + TOKEN + "\tx@127.0.0.1:%d/r.git", "http://" + TOKEN + "@127.0.0.1:%d/r.git"})
    void shouldKeepTheTokenOutOfOutputAndFiles(final String pattern) throws IOException {
        String url = String.format(pattern, closedPort());

        int fetch = mlops.run("fetch", url, "--workspace", workspace.toString());
        String fetchErr = mlops.err();
        int report = mlops.run("report", "--workspace", workspace.toString());

        assertThat(fetch).isNotZero();
        assertThat(report).as(mlops.err()).isZero();
        assertThat(fetchErr).contains("127.0.0.1").doesNotContain(TOKEN);
        assertThat(mlops.out() + mlops.err()).doesNotContain(TOKEN);
        assertThat(Files.readString(workspace.resolve(".mlops/run.json"))).contains("FETCH").doesNotContain(TOKEN);
        assertThat(Files.readString(workspace.resolve(".mlops/report.html"))).doesNotContain(TOKEN);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
