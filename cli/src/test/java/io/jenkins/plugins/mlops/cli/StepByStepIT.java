package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.RunState;
import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The steps run one by one judge a model the way {@code mlops run} does. */
@RequiresDocker
class StepByStepIT {
    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** A script that only prints MLOPS_METRIC: train, then check, finds the metric on the saved stdout lines. */
    @Test
    void shouldCheckTheMetricTheTrainingPrinted() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "print('MLOPS_METRIC accuracy=0.93')\n");

        int trained = run("train", "--workspace", workspace.toString(), "--image", "mlops/sklearn:0.1", "--entry",
                "train.py", "--quiet");
        int checked = run("check", "--workspace", workspace.toString());

        assertThat(trained).as(err.toString()).isZero();
        assertThat(checked).as(err.toString()).isZero();
        RunState state = new RunStateStore(workspace).load().orElseThrow();
        assertThat(state.gate().verdict()).isEqualTo(Verdict.PASSED);
        assertThat(state.trial(1).orElseThrow().metric()).isEqualTo(0.93);
    }

    private int run(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
