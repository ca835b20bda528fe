package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.testing.ChainStates;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops report}: the page from run.json, where it goes, and the error without a run. */
class ReportCommandTest {
    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Without --out the report goes to .mlops/report.html and its path is printed. */
    @Test
    void shouldWriteTheReportIntoTheWorkspace() throws IOException {
        new ChainStateStore(workspace).save(ChainStates.passedStudy());

        int exit = execute("report", "--workspace", workspace.toString());

        Path report = workspace.resolve(".mlops/report.html");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("report: ").contains("report.html");
        assertThat(Files.readString(report)).startsWith("<!DOCTYPE html>").contains("data-step=\"PUBLISH\"")
                .contains("model-5-0.93");
    }

    /** --out and --title are honoured. */
    @Test
    void shouldWriteWhereAsked() throws IOException {
        new ChainStateStore(workspace).save(ChainStates.belowTargetStudy());
        Path target = workspace.resolve("out/page.html");

        int exit = execute("report", "--workspace", workspace.toString(), "--out", target.toString(),
                "--title", "digits");

        assertThat(exit).isZero();
        assertThat(Files.readString(target)).contains("<h1>digits</h1>").contains("BELOW TARGET");
    }

    /** Without run.json it is bad input (exit 2) saying what to run first. */
    @Test
    void shouldFailWithoutARun() {
        int exit = execute("report", "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("There is no run state").contains("mlops run");
    }

    private int execute(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
