package io.jenkins.plugins.mlops.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.testing.KerasTrainings.Outcome;
import io.jenkins.plugins.mlops.engine.testing.KerasTrainings;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Keras rewrite trains: for the three ways of writing a model (Sequential {@code model.add}, the list form,
 * the functional API) each edit the rewriter offers, and conv blocks added until no block fits any more, are applied
 * and the edited scripts trained for one epoch on tiny data in mlops/keras. Code Keras rejects (a shape that no
 * longer fits, a Conv2D after Flatten) fails its training, so it fails this test. One container per model form.
 */
@RequiresDocker
class KerasRewriteIT {
    private static final String DIGITS = """
            from sklearn.datasets import load_digits
            images, labels = load_digits(return_X_y=True)
            x_train = (images[:200] / 16.0).reshape(-1, 8, 8, 1)
            y_train = labels[:200]
            """;
    /** The Keras CNN of 2020: model.add, Convolution2D with 'valid' padding, an epoch variable. */
    private static final String ADD = """
            from keras.models import Sequential
            from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense
            """ + DIGITS + """
            epoch = 1
            model = Sequential()
            model.add(Convolution2D(8, (3, 3), activation='relu', input_shape=(8, 8, 1)))
            model.add(MaxPooling2D(pool_size=(2, 2)))
            model.add(Flatten())
            model.add(Dense(32, activation='relu'))
            model.add(Dense(10, activation='softmax'))
            model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            model.fit(x_train, y_train, epochs=epoch, verbose=0)
            """;
    private static final String LIST = """
            import keras
            from keras import layers
            """ + DIGITS + """
            model = keras.Sequential([
                keras.Input(shape=(8, 8, 1)),
                layers.Conv2D(8, 3, activation="relu", padding="same"),
                layers.MaxPooling2D(),
                layers.Flatten(),
                layers.Dense(10, activation="softmax"),
            ])
            model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
            model.fit(x_train, y_train, epochs=1, verbose=0)
            """;
    private static final String FUNCTIONAL = """
            import keras
            from keras import layers
            """ + DIGITS + """
            inputs = keras.Input(shape=(8, 8, 1))
            x = layers.Conv2D(8, (3, 3), activation='relu', padding='same')(inputs)
            x = layers.MaxPooling2D((2, 2))(x)
            x = layers.Flatten()(x)
            x = layers.Dense(32, activation='relu')(x)
            outputs = layers.Dense(10, activation='softmax')(x)
            model = keras.Model(inputs, outputs)
            model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])
            model.fit(x_train, y_train, epochs=1, verbose=0)
            """;
    private static final Map<String, String> FORMS = Map.of("add", ADD, "list", LIST, "functional", FUNCTIONAL);
    /** Runs every variant, one after the other, and says which trained. */
    private static final String RUNNER = """
            import glob, runpy, traceback
            for path in sorted(glob.glob("variants/*.py")):
                try:
                    runpy.run_path(path, run_name="__main__")
                    print("TRAINED", path)
                except Exception:
                    traceback.print_exc()
                    print("REJECTED", path)
            """;

    @TempDir
    private Path workspace;

    /** Each edit of the form, and blocks until none fits, train. */
    @ParameterizedTest
    @ValueSource(strings = {"add", "list", "functional"})
    void shouldTrainEveryRewrite(final String form) throws IOException {
        Map<String, String> variants = variants(FORMS.get(form));
        assertThat(variants.keySet()).contains("epochs", "add_conv_block", "add_dense_layer", "widen",
                "blocks_until_full");
        Files.createDirectories(workspace.resolve("variants"));
        for (Map.Entry<String, String> variant : variants.entrySet()) {
            Files.writeString(workspace.resolve("variants/" + variant.getKey() + ".py"), variant.getValue());
        }
        Files.writeString(workspace.resolve("run.py"), RUNNER);

        Outcome outcome = KerasTrainings.train(workspace, "run.py", "keras-rewrite-it");

        assertThat(outcome.result().state()).as(outcome.output()).isEqualTo(TrialState.COMPLETE);
        for (String name : variants.keySet()) {
            assertThat(outcome.lines()).as(outcome.output()).contains("TRAINED variants/" + name + ".py");
        }
    }

    /** One script per edit kind the rewriter offers, plus conv blocks added until the rewriter refuses one. */
    private static Map<String, String> variants(final String source) {
        Map<String, String> variants = new LinkedHashMap<>();
        PythonCode code = PythonCode.parse(source).orElseThrow();
        KerasEdits edits = new KerasEdits();
        EditHistory none = new EditHistory(List.of(), Direction.MAXIMIZE);
        for (EditKind kind : edits.kinds(code)) {
            edits.find(kind, code, none, new RunLog()).ifPresent(edit -> variants.put(
                    kind.name().toLowerCase(Locale.ROOT), edit.apply(source)));
        }
        String grown = source;
        List<String> changes = new ArrayList<>();
        for (int block = 0; block < 5; block++) {
            RunLog log = new RunLog();
            Optional<TextEdit> edit = edits.find(EditKind.ADD_CONV_BLOCK, PythonCode.parse(grown).orElseThrow(), none,
                    log);
            if (edit.isEmpty()) {
                assertThat(log.getInfoMessages()).as("after %s", changes)
                        .anySatisfy(line -> assertThat(line).startsWith("Not adding a conv block"));
                break;
            }
            changes.add(edit.get().change());
            grown = edit.get().apply(grown);
        }
        assertThat(changes).as("blocks added before none fits").isNotEmpty().hasSizeLessThan(5);
        variants.put("blocks_until_full", grown);
        return variants;
    }
}
