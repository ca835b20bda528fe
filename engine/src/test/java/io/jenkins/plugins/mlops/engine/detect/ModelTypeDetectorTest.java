package io.jenkins.plugins.mlops.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entry lookup, evidence, images, partial results and errors of the detector. */
class ModelTypeDetectorTest {
    private static final String KERAS_CNN = """
            from keras.models import Sequential
            from keras.layers import Convolution2D as C, Dense

            model = Sequential()
            model.add(C(32, 3, 3))
            model.add(Dense(10))
            model.compile("adam", "mse")
            model.fit(x, y)
            """;
    private static final String SKLEARN_SVM = "from sklearn.svm import SVC\nSVC().fit(X, y)\n";

    @TempDir
    private Path workspace;

    private Path write(final String relative, final String text) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private Detection detect(final String configuredEntry) {
        return new ModelTypeDetector().detect(workspace, configuredEntry, new RunLog());
    }

    /** Aliased layers are recognised, with evidence pointing at the line of each use and the image of the framework. */
    @Test
    void shouldReportEvidenceAndImage() throws IOException {
        Path file = write("CNN.py", KERAS_CNN);
        RunLog log = new RunLog();

        Detection detection = new ModelTypeDetector().detect(file, null, log);

        assertThat(detection.entry()).isEqualTo("CNN.py");
        assertThat(detection.type()).isEqualTo(new ModelType(Framework.KERAS, Architecture.CNN));
        assertThat(detection.image()).isEqualTo("mlops/keras:0.1");
        assertThat(detection.partial()).isFalse();
        assertThat(detection.confidence()).isBetween(0.9, 1.0);
        assertThat(detection.evidence()).first()
                .isEqualTo(new Detection.Evidence("CNN.py", 5, "keras.layers.Convolution2D"));
        assertThat(detection.evidence()).contains(new Detection.Evidence("CNN.py", 4, "keras.models.Sequential"));
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line).contains("keras/cnn", "CNN.py"));
        assertThat(log.hasErrors()).isFalse();
    }

    /** The one file that trains is the entry; files without training calls and modules it imports are not. */
    @Test
    void shouldFindTheTrainingScript() throws IOException {
        write("src/train.py", "import model\nm = model.build()\nm.fit(x, y)\n");
        write("src/model.py", "from tensorflow.keras import layers, Sequential\n\n\ndef build():\n"
                + "    m = Sequential([layers.LSTM(4), layers.Dense(1)])\n    m.compile('adam', 'mse')\n"
                + "    return m\n");
        write("tools/plot.py", "import matplotlib.pyplot as plt\nplt.plot([1, 2])\n");
        write(".venv/lib/site.py", "from sklearn.svm import SVC\nSVC().fit(X, y)\n");

        Detection detection = detect(null);

        assertThat(detection.entry()).isEqualTo("src/train.py");
        assertThat(detection.type()).isEqualTo(new ModelType(Framework.KERAS, Architecture.RNN));
        assertThat(detection.evidence()).first().isEqualTo(new Detection.Evidence("src/model.py", 5,
                "tensorflow.keras.layers.LSTM"));
    }

    /** Several training scripts are an input error that lists them. */
    @Test
    void shouldListSeveralCandidates() throws IOException {
        write("a.py", SKLEARN_SVM);
        write("b/c.ipynb", "{\"cells\": [{\"cell_type\": \"code\", \"source\": \"m.fit(x, y)\"}]}");

        assertThatThrownBy(() -> detect(null)).isInstanceOfSatisfying(MlopsException.class,
                e -> assertThat(e.kind()).isEqualTo(MlopsException.Kind.INPUT))
                .hasMessageContaining("Found 2 training scripts").hasMessageContaining("a.py, b/c.ipynb")
                .hasMessageContaining("entry:");
    }

    /** No training script is an input error that says what was looked for. */
    @Test
    void shouldFailWithoutATrainingScript() throws IOException {
        write("readme.py", "print('Conv2D model.fit(x)')\n");

        assertThatThrownBy(() -> detect(null)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("No training script found").hasMessageContaining("fit()");
    }

    /** A configured entry picks among several training scripts. */
    @Test
    void shouldTakeTheConfiguredEntry() throws IOException {
        write("svm.py", SKLEARN_SVM);
        write("cnn.py", KERAS_CNN);

        assertThat(detect("svm.py").type()).isEqualTo(new ModelType(Framework.SKLEARN, Architecture.SVM));
        assertThat(detect("cnn.py").type()).isEqualTo(new ModelType(Framework.KERAS, Architecture.CNN));
    }

    /** A configured entry that is missing or outside the workspace is an input error. */
    @Test
    void shouldRejectBadEntries() throws IOException {
        write("x.py", SKLEARN_SVM);

        assertThatThrownBy(() -> detect("missing.py")).isInstanceOf(MlopsException.class)
                .hasMessageContaining("'missing.py'");
        assertThatThrownBy(() -> detect("../x.py")).isInstanceOf(MlopsException.class)
                .hasMessageContaining("relative to the repository root");
        assertThatThrownBy(() -> new ModelTypeDetector().detect(workspace.resolve("nope"), null, new RunLog()))
                .isInstanceOf(MlopsException.class).hasMessageContaining("does not exist");
    }

    /** Nothing recognised gives unknown, no image, and an error line naming what was looked for. */
    @Test
    void shouldExplainUnknown() throws IOException {
        Path file = write("train.py", "import lightgbm as lgb\nlgb.train(params, data)\n");
        RunLog log = new RunLog();

        Detection detection = new ModelTypeDetector().detect(file, null, log);

        assertThat(detection.type()).isEqualTo(ModelType.UNKNOWN);
        assertThat(detection.image()).isEmpty();
        assertThat(detection.confidence()).isZero();
        assertThat(detection.evidence()).isEmpty();
        assertThat(log.getErrorMessages()).singleElement().satisfies(line -> assertThat(line)
                .contains("No model code recognised in train.py", "keras", "torch", "sklearn", "xgboost",
                        "tensorflow"));
    }

    /** Unreadable code is classified from the rest, flagged partial, logged, and lowers the confidence. */
    @Test
    void shouldFlagPartialResults() throws IOException {
        Path clean = write("clean.py", SKLEARN_SVM);
        Path broken = write("broken.py", SKLEARN_SVM + "print('unterminated\n");
        RunLog log = new RunLog();

        Detection good = new ModelTypeDetector().detect(clean, null, new RunLog());
        Detection partial = new ModelTypeDetector().detect(broken, null, log);

        assertThat(partial.type()).isEqualTo(good.type());
        assertThat(partial.partial()).isTrue();
        assertThat(partial.confidence()).isLessThan(good.confidence());
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line)
                .contains("broken.py line 3: unterminated string"));
    }

    /** Images come from the registry, so configuration can override them. */
    @Test
    void shouldUseOverriddenImages() throws IOException {
        Path file = write("svm.py", SKLEARN_SVM);
        ModelTypeRegistry registry = new ModelTypeRegistry(Map.of(Framework.SKLEARN, "registry.local/sk:2"));

        assertThat(new ModelTypeDetector(registry).detect(file, null, new RunLog()).image())
                .isEqualTo("registry.local/sk:2");
    }

    /** A framework that only provides utilities (data sets, splitting) does not decide the model. */
    @Test
    void shouldIgnoreUtilityOnlyFrameworks() throws IOException {
        Path file = write("t.py", "from keras.datasets import mnist\nfrom sklearn.neighbors import "
                + "KNeighborsClassifier as K\n(x, y), _ = mnist.load_data()\nK().fit(x.reshape(-1, 784), y)\n");

        Detection detection = new ModelTypeDetector().detect(file, null, new RunLog());

        assertThat(detection.type()).isEqualTo(new ModelType(Framework.SKLEARN, Architecture.KNN));
        assertThat(detection.evidence()).first().isEqualTo(new Detection.Evidence("t.py", 4,
                "sklearn.neighbors.KNeighborsClassifier"));
    }
}
