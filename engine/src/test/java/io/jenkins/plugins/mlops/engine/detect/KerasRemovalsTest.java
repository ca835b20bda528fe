package io.jenkins.plugins.mlops.engine.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Detect names the file, line and Keras 3 replacement of Keras 2 APIs that Keras 3 removed. */
class KerasRemovalsTest {
    @TempDir
    private Path workspace;

    /** Removed modules imported (from-imports, plain imports, tf.keras) and used are reported with their line. */
    @Test
    void shouldReportRemovedApisWithLineAndReplacement() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                from keras.models import Sequential
                from keras.layers import Dense, Convolution2D
                from keras.utils.np_utils import to_categorical
                from keras.layers.normalization import BatchNormalization
                import tensorflow.keras.utils.vis_utils as vis
                import keras

                y = to_categorical(labels)
                model = Sequential()
                model.add(Convolution2D(32, (3, 3)))
                model.add(BatchNormalization())
                model.add(keras.layers.core.Dense(10))
                model.fit(x, y, epochs=1)
                """);
        List<String> errors = new ArrayList<>();
        RunLog log = new RunLog((error, line) -> {
            if (error) {
                errors.add(line);
            }
        });

        Detection detection = new ModelTypeDetector().detect(workspace, null, log);

        assertThat(detection.type().framework()).isEqualTo(Framework.KERAS);
        assertThat(detection.evidence()).contains(
                new Detection.Evidence("train.py", 3, "keras.utils.np_utils was removed in Keras 3: use "
                        + "keras.utils.to_categorical (from keras.utils import to_categorical)"),
                new Detection.Evidence("train.py", 5, "keras.utils.vis_utils was removed in Keras 3: use "
                        + "keras.utils.plot_model (from keras.utils import plot_model)"));
        assertThat(detection.evidence()).anySatisfy(item -> {
            assertThat(item.line()).isEqualTo(4);
            assertThat(item.signal()).startsWith("keras.layers.normalization was removed in Keras 3: use "
                    + "keras.layers.BatchNormalization");
        });
        assertThat(detection.evidence()).anySatisfy(item -> {
            assertThat(item.line()).isEqualTo(12);
            assertThat(item.signal()).startsWith("keras.layers.core was removed in Keras 3");
        });
        assertThat(errors).anySatisfy(line -> assertThat(line).contains("train.py line 3: keras.utils.np_utils"));
    }

    /** Keras 2 names that Keras 3 still has (Convolution2D, keras.models, keras.utils.to_categorical) are fine. */
    @Test
    void shouldLeaveNamesKeras3StillHasAlone() throws IOException {
        Files.writeString(workspace.resolve("train.py"), """
                from keras.models import Sequential
                from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense
                from keras.utils import to_categorical
                model = Sequential([Convolution2D(8, (3, 3)), MaxPooling2D(), Flatten(), Dense(10)])
                model.fit(x, to_categorical(y), epochs=epoch)
                """);

        Detection detection = new ModelTypeDetector().detect(workspace, null, new RunLog());

        assertThat(detection.evidence()).noneSatisfy(item -> assertThat(item.signal()).contains("removed"));
        assertThat(KerasRemovals.load().removed("keras.layers.Conv2D")).isEmpty();
        assertThat(KerasRemovals.load().removed("keras.layers.CuDNNLSTM")).hasValueSatisfying(note ->
                assertThat(note).contains("keras.layers.LSTM"));
    }
}
