package io.jenkins.plugins.mlops.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Source rewrites of Keras code as people write it: the exact diff, and what the next tweak does differently. */
class SourceRewriterTest extends AbstractRewriteTest {
    /** The first tweak of the seed's model raises the literal epochs; every other byte stays. */
    @Test
    void shouldRaiseLiteralEpochsFirst() throws IOException {
        String before = given("keras_add.py", false);

        SourceEdit edit = tweak(KERAS, study()).orElseThrow();

        assertThat(edit.edit().kind()).isEqualTo(EditKind.EPOCHS);
        assertThat(edit.change()).isEqualTo("[epochs] epochs 10 -> 20");
        assertThat(edit.file()).isEqualTo("train.py");
        assertThat(edit.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -16,7 +16,7 @@
                 model.add(Dense(10, activation='softmax'))
                \s
                 model.compile(optimizer='adam', loss='categorical_crossentropy', metrics=['accuracy'])
                -model.fit(x_train, to_categorical(y_train), epochs=10, batch_size=128)  # "model.add(Conv2D(...))" in a string
                +model.fit(x_train, to_categorical(y_train), epochs=20, batch_size=128)  # "model.add(Conv2D(...))" in a string
                 _, accuracy = model.evaluate(x_test, to_categorical(y_test))
                 with open('accuracy.txt', 'w') as out:
                     out.write(str(accuracy))
                """);
        assertThat(file()).isEqualTo(before.replace("epochs=10,", "epochs=20,"));
    }

    /** After an epochs edit comes depth: a conv block with twice the filters after the last block (model.add form). */
    @Test
    void shouldAddAConvBlockAfterTheLastOneNext() throws IOException {
        given("keras_add.py", false);

        SourceEdit edit = tweak(KERAS, study("[epochs] epochs 10 -> 20", 0.6)).orElseThrow();

        assertThat(edit.change()).isEqualTo("[add conv block] Conv2D(64) + MaxPooling2D after line 13");
        assertThat(edit.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -11,6 +11,8 @@
                 model = Sequential()
                 model.add(Conv2D(32, (3, 3), activation='relu', input_shape=(28, 28, 1)))  # first block
                 model.add(MaxPooling2D(pool_size=(2, 2)))
                +model.add(Conv2D(64, (3, 3), activation='relu'))
                +model.add(MaxPooling2D(pool_size=(2, 2)))
                 model.add(Flatten())
                 model.add(Dense(128, activation='relu'))
                 model.add(Dense(10, activation='softmax'))
                """);
    }

    /** CRLF files keep CRLF everywhere, the new lines included. */
    @Test
    void shouldKeepCrlfLineEnds() throws IOException {
        String before = given("keras_add.py", true);

        tweak(KERAS, study("[epochs] epochs 10 -> 20", 0.6)).orElseThrow();

        assertThat(file()).isEqualTo(before.replace("model.add(Flatten())\r\n",
                "model.add(Conv2D(64, (3, 3), activation='relu'))\r\nmodel.add(MaxPooling2D(pool_size=(2, 2)))\r\n"
                        + "model.add(Flatten())\r\n"));
        assertThat(file().replace("\r\n", "")).doesNotContain("\n");
    }

    /** List form and an EPOCHS variable: the assignment is raised, then a block goes into the list in its layout. */
    @Test
    void shouldEditTheListFormAndTheEpochsVariable() throws IOException {
        String before = given("keras_list.py", false);

        SourceEdit epochs = tweak(KERAS, study()).orElseThrow();
        assertThat(epochs.change()).isEqualTo("[epochs] EPOCHS 5 -> 10");
        assertThat(file()).isEqualTo(before.replace("EPOCHS = 5\n", "EPOCHS = 10\n"));

        SourceEdit block = tweak(KERAS, study(epochs.change(), 0.6)).orElseThrow();
        assertThat(block.change()).isEqualTo("[add conv block] layers.Conv2D(64) + layers.MaxPooling2D after line 12");
        assertThat(block.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -10,6 +10,8 @@
                     layers.MaxPooling2D(),
                     layers.Conv2D(32, 3, activation="relu"),
                     layers.MaxPooling2D(),
                +    layers.Conv2D(64, 3, activation="relu"),
                +    layers.MaxPooling2D(),
                     layers.Flatten(),
                     layers.Dense(10, activation="softmax"),
                 ])
                """);
    }

    /** After a third block the 28x28 image is 1x1: no block fits any more, so another edit comes. */
    @Test
    void shouldPickAnotherEditOnceTheMapIsOnePixel() throws IOException {
        given("keras_list.py", false);
        List<TrialRecord> history = study("[epochs] EPOCHS 5 -> 10", 0.6);
        SourceEdit third = tweak(KERAS, history).orElseThrow();
        assertThat(third.change()).isEqualTo("[add conv block] layers.Conv2D(64) + layers.MaxPooling2D after line 12");

        SourceEdit edit = tweak(KERAS, study("[epochs] EPOCHS 5 -> 10", 0.6, third.change(), 0.7,
                "[epochs] EPOCHS 10 -> 20", 0.8)).orElseThrow();

        assertThat(log().getInfoMessages()).contains("Not adding a conv block: the feature map is already 1x1 after "
                + "line 14");
        assertThat(edit.edit().kind()).isNotEqualTo(EditKind.ADD_CONV_BLOCK);
    }

    /** Functional API: the new block is applied to the block's variable, and a Dense layer goes before the output. */
    @Test
    void shouldEditTheFunctionalForm() throws IOException {
        given("keras_functional.py", false);

        SourceEdit block = tweak(KERAS, study("[epochs] epochs 3 -> 6", 0.6)).orElseThrow();
        assertThat(block.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -4,6 +4,8 @@
                 inputs = keras.Input(shape=(28, 28, 1))
                 x = layers.Conv2D(32, (3, 3), activation='relu')(inputs)
                 x = layers.MaxPooling2D((2, 2))(x)
                +x = layers.Conv2D(64, (3, 3), activation='relu')(x)
                +x = layers.MaxPooling2D((2, 2))(x)
                 x = layers.Flatten()(x)
                 x = layers.Dense(64, activation='relu')(x)
                 outputs = layers.Dense(10, activation='softmax')(x)
                """);

        SourceEdit dense = tweak(KERAS, study("[add conv block] a", 0.4, "[add conv block] b", 0.45,
                "[epochs] epochs 3 -> 6", 0.6)).orElseThrow();
        assertThat(dense.change()).isEqualTo("[add dense layer] layers.Dense(64) before the output layer on line 11");
        assertThat(dense.diff()).contains("""
                 x = layers.Dense(64, activation='relu')(x)
                +x = layers.Dense(64, activation='relu')(x)
                 outputs = layers.Dense(10, activation='softmax')(x)
                """);
    }

    /**
     * The demo's 8x8 digits: two Conv2D + MaxPooling2D blocks bring the feature map to 1x1; then no block fits any
     * more and another edit comes instead.
     */
    @Test
    void shouldStopAddingBlocksAtOnePixel() throws IOException {
        given("keras_digits.py", false);
        SourceEdit first = tweak(KERAS, study("[epochs] epoch 1 -> 2", 0.6)).orElseThrow();
        assertThat(first.change()).isEqualTo("[add conv block] Convolution2D(16) + MaxPooling2D after line 18");
        assertThat(first.diff()).contains("""
                 model.add(MaxPooling2D(pool_size=(2, 2)))
                +model.add(Convolution2D(16, (3, 3), activation='relu', padding='same'))
                +model.add(MaxPooling2D(pool_size=(2, 2)))
                 model.add(Flatten())
                """);
        SourceEdit second = tweak(KERAS, study("[epochs] epoch 1 -> 2", 0.6, first.change(), 0.7)).orElseThrow();
        assertThat(second.edit().kind()).isNotEqualTo(EditKind.ADD_CONV_BLOCK);
        RunLog log = new RunLog();
        PythonCode twoBlocks = PythonCode.parse(file().replace("model.add(Flatten())", """
                model.add(Convolution2D(32, (3, 3), activation='relu', padding='same'))
                model.add(MaxPooling2D(pool_size=(2, 2)))
                model.add(Flatten())""")).orElseThrow();

        assertThat(new KerasEdits().find(EditKind.ADD_CONV_BLOCK, twoBlocks, new EditHistory(List.of(),
                Direction.MAXIMIZE), log)).isEmpty();
        assertThat(log.getInfoMessages()).anySatisfy(line -> assertThat(line)
                .startsWith("Not adding a conv block: the feature map is already 1x1 after line"));
    }

    /** Keras 1 code under an alias: the block keeps the dialect (border_mode) and its Activation layer. */
    @Test
    void shouldCopyTheBlockOfAnAliasedConvolution2D() throws IOException {
        given("keras1_alias.py", false);

        SourceEdit edit = tweak(KERAS, study("[epochs] epochs 12 -> 24", 0.6)).orElseThrow();

        assertThat(edit.change()).isEqualTo("[add conv block] C(64) + MaxPooling2D after line 8");
        assertThat(edit.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -6,6 +6,9 @@
                 model.add(C(32, 3, 3, border_mode='valid', input_shape=(28, 28, 1)))
                 model.add(Activation('relu'))
                 model.add(MaxPooling2D(pool_size=(2, 2)))
                +model.add(C(64, 3, 3, border_mode='valid'))
                +model.add(Activation('relu'))
                +model.add(MaxPooling2D(pool_size=(2, 2)))
                 model.add(Flatten())
                 model.add(Dense(10))
                 model.add(Activation('softmax'))
                """);
    }

    /** Keras 1's nb_epoch counts as epochs, and a second tweak differs from the first. */
    @Test
    void shouldMakeADifferentEditTheSecondTime() throws IOException {
        given("keras1_alias.py", false);

        SourceEdit first = tweak(KERAS, study()).orElseThrow();
        SourceEdit second = tweak(KERAS, study(first.change(), 0.6)).orElseThrow();

        assertThat(first.change()).isEqualTo("[epochs] epochs 12 -> 24");
        assertThat(second.edit().kind()).isNotEqualTo(first.edit().kind());
        assertThat(second.diff()).isNotEqualTo(first.diff());
        assertThat(file()).contains("nb_epoch=24").contains("model.add(C(64, 3, 3, border_mode='valid'))");
    }

    /** Epochs stop at 4x their value before the study (at least 20, at most 200); width comes instead. */
    @Test
    void shouldStopRaisingEpochsAtTheCap() throws IOException {
        String before = given("keras_add.py", false);
        Files.writeString(workspace().resolve("train.py"), before.replace("epochs=10,", "epochs=40,"));

        SourceEdit edit = tweak(KERAS, study("[epochs] epochs 10 -> 20", 0.6, "[epochs] epochs 20 -> 40", 0.7,
                "[widen] Dense 128 -> 256 on line 15", 0.65)).orElseThrow();

        assertThat(log().getInfoMessages()).contains("Not raising epochs: 40 is at the cap of 40 (from 10 before the study)");
        assertThat(edit.edit().kind()).isEqualTo(EditKind.ADD_CONV_BLOCK);
    }

    /** An edit that was tried and did not win is not tried again on the same code. */
    @Test
    void shouldNotRepeatAnEditThatDidNotWin() throws IOException {
        given("keras_add.py", false);

        SourceEdit edit = tweak(KERAS, study("[epochs] epochs 10 -> 20", 0.45,
                "[widen] Dense 128 -> 256 on line 15", 0.4)).orElseThrow();

        assertThat(log().getInfoMessages()).contains("Not repeating '[epochs] epochs 10 -> 20': tried before without "
                + "becoming the best");
        assertThat(edit.edit().kind()).isEqualTo(EditKind.ADD_CONV_BLOCK);
    }

    /** Computed epochs and a one-layer model leave nothing safe to edit: the file stays and the log says why. */
    @Test
    void shouldSayWhyNoEditApplies() throws IOException {
        String before = given("keras_computed_epochs.py", false);

        assertThat(tweak(KERAS, study())).isEmpty();
        assertThat(file()).isEqualTo(before);
        assertThat(log().getInfoMessages()).contains(
                "Not raising epochs: its value 'int(os.environ.get(\"EPOCHS\", \"5\"))' is neither a number nor a variable",
                "Not adding a Dense layer: the output layer is also the input layer (it takes input_shape/input_dim)",
                "No safe source edit applies to train.py (keras/cnn) any more");
    }

    /** Two models in one file, code that does not tokenize, notebooks and other frameworks are left alone. */
    @Test
    void shouldLeaveUncertainCodeAlone() throws IOException {
        Files.writeString(workspace().resolve("train.py"), """
                from keras.models import Sequential
                from keras.layers import Dense
                a = Sequential()
                a.add(Dense(8, input_dim=4))
                a.add(Dense(1))
                b = Sequential()
                b.add(Dense(8, input_dim=4))
                b.add(Dense(1))
                """);
        assertThat(tweak(KERAS, study("[epochs] epochs 1 -> 2", 0.6))).isEmpty();
        assertThat(log().getInfoMessages()).contains("Not editing the Keras model: the file builds more than one "
                + "(add() on a., b.)");

        Files.writeString(workspace().resolve("train.py"), "model.fit(x, y, epochs=5)\nprint('unterminated)\n");
        assertThat(tweak(KERAS, study())).isEmpty();
        assertThat(log().getInfoMessages()).contains("No source edit for train.py: it does not tokenize as Python");

        assertThat(new SourceRewriter().tweak(workspace(), "train.ipynb", KERAS, study(), log())).isEmpty();
        assertThat(new SourceRewriter().tweak(workspace(), "train.py", new ModelType(Framework.XGBOOST,
                Architecture.TREE), study(), log())).isEmpty();
        assertThat(file()).isEqualTo("model.fit(x, y, epochs=5)\nprint('unterminated)\n");
    }
}
