package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StepRecord.Step;
import io.jenkins.plugins.mlops.engine.model.StepRecord.StepState;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code mlops detect}: the JSON object, the text output, exit codes 0/2 and the record in run.json. */
class DetectCommandTest {
    private static final String KERAS_CNN = """
            from keras.layers import Convolution2D as C, Dense
            from keras.models import Sequential
            m = Sequential([C(8, 3), Dense(1)])
            m.compile("adam", "mse")
            m.fit(x, y)
            """;

    @TempDir
    private Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int execute(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    /** --json prints exactly the documented keys, with the words of the issue, and exits 0. */
    @Test
    void shouldPrintTheJsonObject() throws IOException {
        Files.writeString(workspace.resolve("CNN_code.py"), KERAS_CNN);

        int exit = execute("detect", "--json", "--workspace", workspace.toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.fieldNames()).toIterable().containsExactly("framework", "architecture", "entry", "image",
                "confidence", "partial", "evidence");
        assertThat(json.get("framework").asText()).isEqualTo("keras");
        assertThat(json.get("architecture").asText()).isEqualTo("cnn");
        assertThat(json.get("entry").asText()).isEqualTo("CNN_code.py");
        assertThat(json.get("image").asText()).isEqualTo("mlops/keras:0.1");
        assertThat(json.get("confidence").asDouble()).isBetween(0.5, 1.0);
        assertThat(json.get("partial").asBoolean()).isFalse();
        assertThat(json.get("evidence").get(0).fieldNames()).toIterable().containsExactly("file", "line", "signal");
        assertThat(json.get("evidence").get(0).get("signal").asText()).isEqualTo("keras.layers.Convolution2D");
        assertThat(json.get("evidence").get(0).get("line").asInt()).isEqualTo(3);
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.detection().type().toString()).isEqualTo("keras/cnn");
        assertThat(state.step(Step.DETECT).orElseThrow().state()).isEqualTo(StepState.SUCCESS);
    }

    /** Without --json the answer is readable text with the evidence; a file path picks the entry. */
    @Test
    void shouldPrintText() throws IOException {
        Files.writeString(workspace.resolve("a.py"), KERAS_CNN);
        Files.writeString(workspace.resolve("b.py"), "from sklearn.svm import SVC\nSVC().fit(X, y)\n");

        int exit = execute("detect", "b.py", "--workspace", workspace.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("framework:    sklearn", "architecture: svm", "entry:        b.py",
                "image:        mlops/sklearn:0.1", "b.py:2  sklearn.svm.SVC");
    }

    /** An unknown model type prints the answer, an error line on stderr, and exits 2. */
    @Test
    void shouldExitTwoWhenUnknown() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "import lightgbm\nlightgbm.train(p, d)\n");

        int exit = execute("detect", "train.py", "--json", "--workspace", workspace.toString());

        assertThat(exit).isEqualTo(2);
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("framework").asText()).isEqualTo("unknown");
        assertThat(json.get("architecture").asText()).isEqualTo("unknown");
        assertThat(json.get("image").isNull()).isTrue();
        assertThat(err.toString()).contains("No model code recognised in train.py",
                "Set `image:` in mlops.yml to train it in an image of your choice.");
        assertThat(new ChainStateStore(workspace).load().orElseThrow().step(Step.DETECT).orElseThrow().state())
                .isEqualTo(StepState.FAILED);
    }

    /** Code of an unknown framework with an image set trains in that image, as in the chain: exit 0, recorded. */
    @Test
    void shouldAcceptUnknownCodeWithAnImage() throws IOException {
        Files.writeString(workspace.resolve("train.py"), "import lightgbm\nlightgbm.train(p, d)\n");

        int exit = execute("detect", "--json", "--image", "me/lightgbm:1", "--workspace", workspace.toString());

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        assertThat(json.get("framework").asText()).isEqualTo("unknown");
        assertThat(json.get("image").asText()).isEqualTo("me/lightgbm:1");
        ChainState state = new ChainStateStore(workspace).load().orElseThrow();
        assertThat(state.step(Step.DETECT).orElseThrow().state()).isEqualTo(StepState.SUCCESS);
        assertThat(state.detection().image()).isEqualTo("me/lightgbm:1");
    }

    /** A directory outside the workspace is detected as a repository of its own and nothing is recorded. */
    @Test
    void shouldNotRecordOutsideTheWorkspace(@TempDir final Path elsewhere) throws IOException {
        Files.writeString(elsewhere.resolve("train.py"), KERAS_CNN);

        int exit = execute("detect", elsewhere.toString(), "--workspace", workspace.toString());

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("framework:    keras", "entry:        train.py");
        assertThat(new ChainStateStore(workspace).load()).isEmpty();
        assertThat(new ChainStateStore(elsewhere).load()).isEmpty();
    }

    /** Several training scripts are bad input (exit 2) with one clear line; mlops.yml's entry settles it. */
    @Test
    void shouldReportAmbiguousEntries() throws IOException {
        Files.writeString(workspace.resolve("a.py"), KERAS_CNN);
        Files.writeString(workspace.resolve("b.py"), "from sklearn.svm import SVC\nSVC().fit(X, y)\n");

        assertThat(execute("detect", "--workspace", workspace.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("Found 2 training scripts", "a.py, b.py");

        Files.writeString(workspace.resolve("mlops.yml"), "entry: b.py\n");
        assertThat(execute("detect", "--json", "--workspace", workspace.toString())).isZero();
        assertThat(out.toString()).contains("\"entry\":\"b.py\"");
    }

    /** --image replaces the trainer image. */
    @Test
    void shouldTakeTheImageOption() throws IOException {
        Files.writeString(workspace.resolve("a.py"), KERAS_CNN);

        execute("detect", "--json", "--image", "me/keras:gpu", "--workspace", workspace.toString());

        assertThat(new ObjectMapper().readTree(out.toString()).get("image").asText()).isEqualTo("me/keras:gpu");
        assertThat(err.toString()).isEmpty();
    }
}
