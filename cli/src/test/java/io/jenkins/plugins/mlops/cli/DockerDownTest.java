package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** With no Docker daemon answering, {@code mlops run} exits 3 with the fix, before anything trains. */
class DockerDownTest {
    @TempDir
    private Path workspace;

    private final String previous = System.getProperty("DOCKER_HOST");

    @AfterEach
    void restoreDockerHost() {
        if (previous == null) {
            System.clearProperty("DOCKER_HOST");
        }
        else {
            System.setProperty("DOCKER_HOST", previous);
        }
    }

    /** A closed TCP port as DOCKER_HOST: exit 3, the message names DOCKER_HOST. */
    @Test
    void shouldExitThreeWithTheFixWhenDockerIsDown() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "from sklearn.svm import SVC\nSVC().fit([[0], [1]], [0, 1])\n");
        System.setProperty("DOCKER_HOST", "tcp://127.0.0.1:9");
        StringWriter err = new StringWriter();
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));

        int exit = commandLine.execute("run", "--workspace", workspace.toString(), "--quiet");

        assertThat(exit).isEqualTo(3);
        assertThat(err.toString()).contains("DOCKER_HOST");
        assertThat(workspace.resolve(".mlops/trials")).doesNotExist();
    }
}
