package io.jenkins.plugins.mlops.engine.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Objective;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every metric format people write, in every place the gate reads, and the ones it must reject. */
class MetricReaderTest {
    private static final GateSpec ACCURACY = GateSpec.DEFAULT;
    private static final GateSpec LOSS = new GateSpec(new Objective("loss", 0.25, Direction.MINIMIZE), "loss.txt");

    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    /** Plain fractions, percentages, numpy and PyTorch scalars, lists and named lines all give the same fraction. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0.93", "0.93\n", "0.93\r\n", "  0.93  ", "93", "93.0", "93%", "93 %", "93.%",
            "9.3e-1", "np.float64(0.93)", "numpy.float32(0.93)", "tensor(0.9300)", "tensor(0.9300, device='cuda:0')",
            "'0.93'", "[0.81, 0.88, 0.93]", "[0.81 0.88 0.93]", "[np.float64(0.8), np.float64(0.93)]",
            "[\n  0.81,\n  0.93\n]", "accuracy: 0.93", "accuracy=0.93", "Accuracy = 93%", "Test accuracy: 0.93",
            "loss: 0.21\naccuracy: 0.93\n", "accuracy: 0.5\naccuracy: 0.93", "MLOPS_METRIC accuracy=0.93",
            "\uFEFF0.93", "val_accuracy: 0.5\naccuracy: 0.93", "accuracy: 0.93, loss: 0.21", "accuracy=0.93 loss=0.2",
            "accuracy: 0.93 (best)", "Accuracy: 93 %",
            "Epoch 10/10 - loss: 0.2100 - accuracy: 0.9300 - val_loss: 0.31 - val_accuracy: 0.91"})
    void shouldUnderstandWhatPeopleWriteInTheMetricFile(final String content) throws IOException {
        write("accuracy.txt", content);

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).as(reading.detail()).isEqualTo(MetricReading.Status.FOUND);
        assertThat(reading.value()).isCloseTo(0.93, offset(1e-9));
        assertThat(reading.source()).isEqualTo("accuracy.txt");
    }

    /** numpy prints 95. for a float without decimals; with the percentage rule it is 0.95. */
    @Test
    void shouldReadNumpyTrailingDotAsPercentage() throws IOException {
        write("accuracy.txt", "95.");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.value()).isEqualTo(0.95);
        assertThat(reading.detail()).contains("read as a percentage: 0.95");
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("read as a percentage"));
    }

    /** A per-epoch list counts with its last value, and the log says so. */
    @Test
    void shouldTakeTheLastValueOfAListAndSaySo() throws IOException {
        write("accuracy.txt", "[0.81, 0.88, 0.93]");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.value()).isEqualTo(0.93);
        assertThat(log.getInfoMessages()).containsExactly(
                "accuracy.txt: accuracy = 0.93 (a list of 3 values (per epoch); the last one counts)");
    }

    /** 1 is a fraction (100 %), not 1 %: only values above 1 are percentages. */
    @Test
    void shouldReadOneAsAFraction() throws IOException {
        write("accuracy.txt", "1");

        assertThat(read(ACCURACY).value()).isEqualTo(1.0);
    }

    /** Empty, NaN, negative, above 100 and ambiguous content is invalid, naming the file and showing the content. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "''|it is empty",
            "'  \n'|it is empty",
            "nan|not a number",
            "NaN|not a number",
            "inf|not a number",
            "-0.5|negative",
            "120|above 100",
            "101%|above 100",
            "0.93 0.21|several numbers",
            "epoch 3 loss 0.2 acc 0.9|several numbers",
            "good|is not a number",
            "[]|the list is empty",
            "accuracy: n/a|is not a number"})
    void shouldRejectInvalidContentWithFileAndExcerpt(final String content, final String why) throws IOException {
        write("accuracy.txt", content);

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.value()).isNull();
        assertThat(reading.detail()).startsWith("accuracy.txt does not hold a valid accuracy: ").contains(why)
                .contains("content \"");
        assertThat(log.getErrorMessages()).hasSize(1);
    }

    /** A long, multi-line content is shown as a short one-line excerpt. */
    @Test
    void shouldShowAShortOneLineExcerpt() throws IOException {
        write("accuracy.txt", "Epoch 1/10 - loss: 0.52\r\nEpoch 2/10 - loss: 0.41 - lots of progress output here\n");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.detail()).contains("content \"Epoch 1/10 - loss: 0.52\\r\\nEpoch 2/10").endsWith("...\"")
                .doesNotContain("\n");
    }

    /** metrics.json comes first, with the metric's key; other keys are ignored. */
    @Test
    void shouldPreferMetricsJson() throws IOException {
        write("metrics.json", "{\"loss\": 0.21, \"accuracy\": 0.91}");
        write("accuracy.txt", "0.5");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.value()).isEqualTo(0.91);
        assertThat(reading.source()).isEqualTo("metrics.json");
    }

    /** metrics.json values may be percentages, strings, lists; the key is matched ignoring case. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"{\"accuracy\": 93}", "{\"accuracy\": \"93%\"}", "{\"Accuracy\": 0.93}",
            "{\"accuracy\": [0.8, 0.93]}", "{\"accuracy\": \"np.float64(0.93)\",}"})
    void shouldUnderstandMetricsJsonValues(final String json) throws IOException {
        write("metrics.json", json);

        assertThat(read(ACCURACY).value()).isCloseTo(0.93, offset(1e-9));
    }

    /** Python's json.dump writes NaN; that is an invalid metric, not broken JSON. */
    @Test
    void shouldRejectNanInMetricsJson() throws IOException {
        write("metrics.json", "{\"accuracy\": NaN}");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.detail()).contains("metrics.json").contains("not a number");
    }

    /** Broken JSON is invalid with the file name and an excerpt. */
    @Test
    void shouldRejectBrokenMetricsJson() throws IOException {
        write("metrics.json", "{accuracy: 0.93");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.detail()).startsWith("metrics.json is not valid JSON")
                .contains("content \"{accuracy: 0.93\"");
    }

    /** A metrics.json without the metric's key lets the text file decide. */
    @Test
    void shouldFallBackWhenMetricsJsonLacksTheKey() throws IOException {
        write("metrics.json", "{\"f1\": 0.5}");
        write("accuracy.txt", "0.92");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.value()).isEqualTo(0.92);
        assertThat(reading.source()).isEqualTo("accuracy.txt");
    }

    /** The metric file name is configurable (people write result.txt, output.txt). */
    @Test
    void shouldReadTheConfiguredMetricFile() throws IOException {
        write("result.txt", "Accuracy: 91.5%\n");

        MetricReading reading = read(new GateSpec(new Objective("accuracy", 0.9, Direction.MAXIMIZE), "result.txt"));

        assertThat(reading.value()).isCloseTo(0.915, offset(1e-9));
        assertThat(reading.source()).isEqualTo("result.txt");
    }

    /** Without files, the last MLOPS_METRIC line for the metric on stdout counts; other lines are ignored. */
    @Test
    void shouldReadTheLastStdoutMetricLine() {
        List<String> stdout = List.of("Epoch 1", "MLOPS_METRIC accuracy=0.80", "MLOPS_METRIC loss=0.3",
                "MLOPS_METRIC accuracy=0.93", "done");

        MetricReading reading = new MetricReader().read(workspace, stdout, ACCURACY, log);

        assertThat(reading.value()).isEqualTo(0.93);
        assertThat(reading.source()).isEqualTo("stdout");
        assertThat(reading.detail()).contains("2 MLOPS_METRIC lines; the last one counts");
    }

    /** Nothing anywhere is NO_METRIC, and the message lists where it looked and what to write. */
    @Test
    void shouldSayWhereItLookedWhenNothingIsFound() throws IOException {
        write("metrics.json", "{\"loss\": 0.2}");

        MetricReading reading = new MetricReader().read(workspace, List.of("MLOPS_METRIC loss=0.2"), ACCURACY, log);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.MISSING);
        assertThat(reading.detail()).contains("metrics.json has no \"accuracy\" (keys: loss)")
                .contains("no accuracy.txt").contains("no 'MLOPS_METRIC accuracy=' line on stdout")
                .contains("print 'MLOPS_METRIC accuracy=0.93'");
    }

    /** A loss is not a fraction: 2.5 stays 2.5, and a percentage is rejected. */
    @Test
    void shouldTakeNonFractionMetricsAsWritten() throws IOException {
        write("loss.txt", "loss: 2.5");
        assertThat(read(LOSS).value()).isEqualTo(2.5);

        write("loss.txt", "25%");
        assertThat(read(LOSS).detail()).contains("loss is not a fraction");
    }

    /** Names of fraction metrics are recognised, other names are not. */
    @Test
    void shouldKnowFractionMetrics() {
        assertThat(List.of("accuracy", "val_accuracy", "acc", "f1_score", "precision", "roc_auc", "top_5_accuracy"))
                .allSatisfy(name -> assertThat(new GateSpec(new Objective(name, 0.9, Direction.MAXIMIZE), null).isFraction())
                        .as(name).isTrue());
        assertThat(List.of("loss", "val_loss", "rmse", "mae", "perplexity", "accuracy_drop"))
                .allSatisfy(name -> assertThat(new GateSpec(new Objective(name, 0.9, Direction.MINIMIZE), null).isFraction())
                        .as(name).isFalse());
    }

    /** A metric file name that leaves the workspace is bad input, before anything is read. */
    @Test
    void shouldRefuseAMetricFileOutsideTheWorkspace() {
        GateSpec outside = new GateSpec(new Objective("accuracy", 0.9, Direction.MAXIMIZE), "../../etc/passwd");

        assertThatThrownBy(() -> read(outside)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("outside the workspace").hasMessageContaining("relative to the repository");
    }

    /** A metric file that links out of the workspace is invalid, and nothing of the target is shown. */
    @Test
    void shouldNotFollowLinksOutOfTheWorkspace(@TempDir final Path elsewhere) throws IOException {
        Path secret = Files.writeString(elsewhere.resolve("secret.txt"), "0.93 password=hunter2");
        Files.createSymbolicLink(workspace.resolve("accuracy.txt"), secret);

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.detail()).contains("link to a file outside the workspace").doesNotContain("hunter2");
    }

    /** Issue 13.12: just above 1 is a fraction out of range, not a percentage of about 1. */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1.0000001", "1.5", "accuracy: 1.01", "[0.9, 1.2]"})
    void shouldRejectFractionsJustAboveOne(final String content) throws IOException {
        write("accuracy.txt", content);

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).as(reading.detail()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.detail()).contains("above 1");
    }

    /** Issue 13.12: a folder, a FIFO or a link to a device named like the metric file is INVALID, not NO_METRIC. */
    @Test
    void shouldRejectMetricFilesThatAreNoFiles() throws Exception {
        Files.createDirectory(workspace.resolve("accuracy.txt"));
        assertThat(read(ACCURACY).status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(read(ACCURACY).detail()).contains("accuracy.txt is not a regular file");

        Files.delete(workspace.resolve("accuracy.txt"));
        Process mkfifo = new ProcessBuilder("mkfifo", workspace.resolve("accuracy.txt").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(read(ACCURACY).status()).isEqualTo(MetricReading.Status.INVALID);

        Files.delete(workspace.resolve("accuracy.txt"));
        Files.createSymbolicLink(workspace.resolve("metrics.json"), Path.of("/dev/zero"));
        assertThat(read(ACCURACY).status()).isEqualTo(MetricReading.Status.INVALID);
    }

    /** Issue 13.12: control characters of the content (terminal escapes) never reach the log or the reason. */
    @Test
    void shouldStripControlCharactersFromWhatItEchoes() throws IOException {
        write("accuracy.txt", "\u001b[2J\u001b]0;pwned\u0007 good\u009b");

        MetricReading reading = read(ACCURACY);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.detail()).doesNotContain("\u001b", "\u0007", "\u009b").contains("\\x1b[2J");
        assertThat(log.getErrorMessages()).allSatisfy(line -> assertThat(line).doesNotContain("\u001b"));
    }

    /** Issue 13.4: an output that was not read to its end makes the reading INVALID, whatever it printed. */
    @Test
    void shouldNotTrustAnIncompleteOutput() {
        MetricReading reading = new MetricReader().read(workspace, List.of("MLOPS_METRIC accuracy=0.99",
                MetricReader.INCOMPLETE_OUTPUT), ACCURACY, log);

        assertThat(reading.status()).isEqualTo(MetricReading.Status.INVALID);
        assertThat(reading.detail()).contains("not read to its end");
    }

    private MetricReading read(final GateSpec spec) {
        return new MetricReader().read(workspace, List.of(), spec, log);
    }

    private void write(final String name, final String content) throws IOException {
        Files.writeString(workspace.resolve(name), content, StandardCharsets.UTF_8);
    }
}
