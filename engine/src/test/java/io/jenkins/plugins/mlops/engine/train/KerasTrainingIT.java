package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.KerasTrainings;
import io.jenkins.plugins.mlops.engine.testing.KerasTrainings.Outcome;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keras code trains for real in mlops/keras, with no network: Keras 2-era code as people wrote it, the functional
 * API, keras.datasets from the Keras dataset cache (scripts/setup.sh fills it with Fashion-MNIST); a dataset that is
 * not there and a Keras 2 API that Keras 3 removed fail with a message saying what and where, not only a traceback.
 */
@RequiresDocker
class KerasTrainingIT {
    /** Tiny data: 300 of sklearn's bundled 8x8 digits, as images. */
    private static final String DIGITS = """
            from sklearn.datasets import load_digits
            images, labels = load_digits(return_X_y=True)
            x_train = (images[:300] / 16.0).reshape(-1, 8, 8, 1)
            y_train = labels[:300]
            """;

    @TempDir
    private Path workspace;

    /** 2020 style: keras.models/keras.layers imports, Convolution2D, an epoch variable, history, accuracy.txt, .h5. */
    @Test
    void shouldTrainA2020StyleSequentialCnn() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                from keras.models import Sequential
                from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense
                from keras.utils import to_categorical
                """ + DIGITS + """
                epoch = 1
                model = Sequential()
                model.add(Convolution2D(8, (3, 3), activation='relu', input_shape=(8, 8, 1)))
                model.add(MaxPooling2D(pool_size=(2, 2)))
                model.add(Flatten())
                model.add(Dense(10, activation='softmax'))
                model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
                history = model.fit(x_train, to_categorical(y_train), epochs=epoch, verbose=2)
                accuracy = history.history['accuracy'][-1]
                with open('accuracy.txt', 'w') as f:
                    f.write(str(accuracy))
                model.save('m.h5')
                """);

        Outcome outcome = KerasTrainings.train(workspace, "train.py", "keras-training-it");

        assertThat(outcome.result().state()).as(outcome.output()).isEqualTo(TrialState.COMPLETE);
        assertThat(Files.readString(workspace.resolve("accuracy.txt"))).matches("0\\.\\d+|1\\.0");
        assertThat(workspace.resolve("m.h5")).isNotEmptyFile();
    }

    /** The functional API, saved in the Keras 3 format. */
    @Test
    void shouldTrainAFunctionalCnn() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                import keras
                from keras import layers
                """ + DIGITS + """
                inputs = keras.Input(shape=(8, 8, 1))
                x = layers.Conv2D(8, 3, activation="relu", padding="same")(inputs)
                x = layers.MaxPooling2D()(x)
                x = layers.Flatten()(x)
                outputs = layers.Dense(10, activation="softmax")(x)
                model = keras.Model(inputs, outputs)
                model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
                model.fit(x_train, y_train, epochs=1, verbose=2)
                _, accuracy = model.evaluate(x_train, y_train, verbose=0)
                print(f"MLOPS_METRIC accuracy={accuracy:.4f}")
                model.save("model.keras")
                """);

        Outcome outcome = KerasTrainings.train(workspace, "train.py", "keras-training-it");

        assertThat(outcome.result().state()).as(outcome.output()).isEqualTo(TrialState.COMPLETE);
        assertThat(outcome.lines()).anySatisfy(line -> assertThat(line).startsWith("MLOPS_METRIC accuracy=0."));
        assertThat(workspace.resolve("model.keras")).isNotEmptyFile();
    }

    /** fashion_mnist.load_data() works offline from the cache; mnist, not in it, names itself and the cache. */
    @Test
    void shouldLoadKerasDatasetsFromTheCacheAndNameAMissingOne() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                import keras
                from keras.datasets import fashion_mnist
                (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
                print("fashion", x_train.shape, x_test.shape)
                model = keras.Sequential([keras.Input(shape=(28, 28)), keras.layers.Flatten(),
                                          keras.layers.Dense(10, activation="softmax")])
                model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
                model.fit(x_train[:1000] / 255.0, y_train[:1000], epochs=1, verbose=2)
                keras.datasets.mnist.load_data()
                """);

        Outcome outcome = KerasTrainings.train(workspace, "train.py", "keras-training-it");

        assertThat(outcome.lines()).as(outcome.output())
                .contains("fashion (60000, 28, 28) (10000, 28, 28)")
                .anySatisfy(line -> assertThat(line).contains("KerasDatasetMissing: The Keras dataset "
                        + "keras.datasets.mnist needs mnist.npz, which is not in the Keras dataset cache "
                        + KerasDatasets.fromEnvironment(System.getenv()).folder().toAbsolutePath()
                        + " (mounted at /mlops/keras-datasets)")
                        .contains("doc/keras-datasets.md"));
        assertThat(outcome.result().state()).isEqualTo(TrialState.FAILED);
    }

    /** Keras 2's keras.utils.np_utils: the failure ends with the file, the line and the Keras 3 replacement. */
    @Test
    void shouldNameTheLineAndTheReplacementOfARemovedApi() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                import numpy as np
                from keras.models import Sequential
                from keras.utils.np_utils import to_categorical
                print(to_categorical(np.arange(3)))
                """);

        Outcome outcome = KerasTrainings.train(workspace, "train.py", "keras-training-it");

        assertThat(outcome.result().state()).isEqualTo(TrialState.FAILED);
        assertThat(outcome.lines()).as(outcome.output()).contains("mlops: train.py line 3 uses "
                + "keras.utils.np_utils, which Keras 3 removed: use keras.utils.to_categorical (from keras.utils "
                + "import to_categorical)");
    }

    /** Every replacement the table of removed APIs offers is real in the image (its check expression evaluates). */
    @Test
    void shouldOfferReplacementsThatExistInTheImage() throws IOException {
        Files.writeString(workspace.resolve("check.py"), """
                import keras, mlops_keras, os
                table = os.path.join(os.path.dirname(mlops_keras.__file__), "keras3-removed.tsv")
                rows = [line.rstrip("\\n").split("\\t") for line in open(table) if line.strip() and line[0] != "#"]
                for kind, removed, replacement, check in rows:
                    eval(check)
                print("checked", len(rows))
                """);

        Outcome outcome = KerasTrainings.train(workspace, "check.py", "keras-training-it");

        assertThat(outcome.result().state()).as(outcome.output()).isEqualTo(TrialState.COMPLETE);
        long rows = Files.readAllLines(Path.of("..", "Dockerfiles", "keras", "keras3-removed.tsv")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#")).count();
        assertThat(outcome.lines()).contains("checked " + rows);
    }
}
