package io.jenkins.plugins.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.source.LocalRepositories;
import io.jenkins.plugins.mlops.engine.testing.RequiresDocker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Keras code as the classic jobs pushed it: detect picks mlops/keras, and {@code mlops run} on a repository holding
 * only the script (no mlops.yml, no flags) trains it there for real and publishes the .h5 weights.
 */
@RequiresDocker
class KerasRunIT {
    private static final String SCRIPT = """
            import keras
            from keras.models import Sequential
            from keras.layers import Convolution2D, MaxPooling2D, Flatten, Dense
            from keras.utils import to_categorical
            from sklearn.datasets import load_digits

            keras.utils.set_random_seed(0)
            images, labels = load_digits(return_X_y=True)
            x = (images / 16.0).reshape(-1, 8, 8, 1)
            epoch = 10
            model = Sequential()
            model.add(Convolution2D(16, (3, 3), activation='relu', padding='same', input_shape=(8, 8, 1)))
            model.add(MaxPooling2D(pool_size=(2, 2)))
            model.add(Flatten())
            model.add(Dense(10, activation='softmax'))
            model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
            history = model.fit(x[:1400], to_categorical(labels[:1400]), batch_size=16, epochs=epoch,
                                validation_data=(x[1400:], to_categorical(labels[1400:])), verbose=2)
            with open('accuracy.txt', 'w') as f:
                f.write(str(history.history['val_accuracy'][-1]))
            model.save('model.h5')
            """;

    @TempDir
    private Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** detect names Keras, a CNN and the Keras image. */
    @Test
    void shouldDetectKerasAndItsImage() throws IOException {
        Files.writeString(dir.resolve("train.py"), SCRIPT);

        int exit = run("detect", dir.toString(), "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode detection = new ObjectMapper().readTree(out.toString());
        assertThat(detection.toString()).contains("\"keras\"", "\"cnn\"");
        assertThat(detection.get("image").asText()).isEqualTo("mlops/keras:0.1");
    }

    /** No mlops.yml, no flags: trained (and tweaked if short) in mlops/keras to 0.90, model.h5 published. */
    @Test
    void shouldRunAKerasRepositoryWithoutFlags() throws IOException {
        String url = LocalRepositories.createBare(dir.resolve("remote.git"), "main", Map.of("train.py",
                SCRIPT.getBytes(StandardCharsets.UTF_8)), "A Keras CNN", "Dana", "dana@example.com");

        int exit = run("run", "--url", url, "--workspace", dir.resolve("ws").toString(), "--quiet");

        assertThat(exit).as(out + "\n" + err).isZero();
        ChainState state = new ChainStateStore(dir.resolve("ws")).load().orElseThrow();
        assertThat(state.detection().image()).isEqualTo("mlops/keras:0.1");
        assertThat(state.trials()).anySatisfy(trial -> assertThat(trial.metric()).isGreaterThanOrEqualTo(0.9));
        try (Git remote = Git.open(dir.resolve("remote.git").toFile())) {
            ObjectId models = remote.getRepository().resolve("refs/heads/mlops/models^{tree}");
            assertThat(models).isNotNull();
            try (TreeWalk walk = TreeWalk.forPath(remote.getRepository(), "model.h5", models)) {
                assertThat(walk).as("model.h5 on mlops/models").isNotNull();
            }
        }
    }

    private int run(final String... args) {
        CommandLine commandLine = MlopsCommand.newCommandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
