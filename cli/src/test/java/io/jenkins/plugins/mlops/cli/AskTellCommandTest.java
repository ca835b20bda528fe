package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mlops ask} and {@code mlops tell} without Docker: what they print, record and exit with. */
class AskTellCommandTest {
    private final InProcessMlops mlops = new InProcessMlops();

    @TempDir
    Path study;

    @TempDir
    Path results;

    @BeforeEach
    void writeStudy() throws IOException {
        Files.writeString(study.resolve("train.py"), "print('MLOPS_METRIC accuracy=0.5')\n");
        Files.writeString(study.resolve("mlops.yml"), """
                entry: train.py
                image: mlops/sklearn:0.1
                max_trials: 2
                search_space:
                  units: {type: int, low: 1, high: 64}
                """);
    }

    /** ask --json prints the asked trials; once max trials are asked there is nothing more (exit 1). */
    @Test
    void shouldAskUntilMaxTrials() {
        assertThat(mlops.run("ask", "--workspace", study.toString(), "--count", "3", "--json")).isZero();
        assertThat(mlops.out()).contains("\"number\":1", "\"number\":2").doesNotContain("\"number\":3");

        assertThat(mlops.run("ask", "--workspace", study.toString(), "--json")).isEqualTo(1);
        assertThat(mlops.out().trim()).isEqualTo("[]");
    }

    /** A result told twice is recorded once; the study is done once both trials are told. */
    @Test
    void shouldTellEachTrialOnce() throws IOException {
        mlops.run("ask", "--workspace", study.toString(), "--count", "2");
        Path first = result(1, 0.95);
        Path again = result(1, 0.2);
        Path second = result(2, 0.5);

        assertThat(mlops.run("tell", "--workspace", study.toString(), "--trial", "1", "--result", first.toString()))
                .as(mlops.err()).isZero();
        assertThat(mlops.run("tell", "--workspace", study.toString(), "--trial", "1", "--result", again.toString()))
                .isZero();
        assertThat(mlops.out()).contains("Trial 1 was told already");
        assertThat(mlops.run("tell", "--workspace", study.toString(), "--trial", "2", "--result", second.toString(),
                "--json")).isZero();

        assertThat(mlops.out()).contains("\"done\":true", "\"verdict\":\"PASSED\"");
        assertThat(new ChainStateStore(study).load().orElseThrow().trials()).extracting(TrialRecord::metric)
                .containsExactly(0.95, 0.5);
        assertThat(new ChainStateStore(study).load().orElseThrow().trials()).extracting(TrialRecord::state)
                .containsOnly(TrialState.COMPLETE);
    }

    /** The shell loop tells a training that printed no result (Docker unreachable) as FAILED with a bare map. */
    @Test
    void shouldRecordABareFailedResult() throws IOException {
        mlops.run("ask", "--workspace", study.toString(), "--count", "2");
        Path failed = Files.createTempFile(results, "failed-", ".json");
        Files.writeString(failed, "{\"number\":2,\"state\":\"FAILED\",\"message\":\"mlops train exited 3 on host2\"}\n");

        assertThat(mlops.run("tell", "--workspace", study.toString(), "--trial", "2", "--result", failed.toString()))
                .as(mlops.err()).isEqualTo(1);

        TrialRecord trial = new ChainStateStore(study).load().orElseThrow().trial(2).orElseThrow();
        assertThat(trial.state()).isEqualTo(TrialState.FAILED);
        assertThat(trial.message()).isEqualTo("mlops train exited 3 on host2");
    }

    /** A result of another trial, or a lease that is no duration, exits 2 naming the option. */
    @Test
    void shouldRefuseBadInput() throws IOException {
        assertThat(mlops.run("ask", "--workspace", study.toString(), "--lease", "soon")).isEqualTo(2);
        assertThat(mlops.err()).contains("--lease 'soon'");

        mlops.run("ask", "--workspace", study.toString(), "--count", "2");
        assertThat(mlops.run("tell", "--workspace", study.toString(), "--trial", "2", "--result",
                result(1, 0.7).toString())).isEqualTo(2);
        assertThat(mlops.err()).contains("is the result of trial 1, not of --trial 2");
    }

    private Path result(final int number, final double metric) throws IOException {
        String json = """
                {"number":%d,"state":"COMPLETE","metric":%s,"durationMillis":1000,"imageDigest":"sha256:abc",
                 "message":null,"gate":{"verdict":"%s","metric":"accuracy","value":%s,"target":0.9,
                 "direction":"MAXIMIZE","reason":"accuracy %s"},
                 "modelLocation":{"worker":"host1","folder":"/w/.mlops/trials/%d/work","files":["train.py"]}}
                """.formatted(number, metric, metric >= 0.9 ? "PASSED" : "BELOW_TARGET", metric, metric, number);
        Path file = Files.createTempFile(results, "result-" + number + "-", ".json");
        Files.writeString(file, json);
        return file;
    }
}
