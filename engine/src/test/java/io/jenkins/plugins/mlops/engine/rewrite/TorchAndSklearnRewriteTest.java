package io.jenkins.plugins.mlops.engine.rewrite;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Source rewrites of PyTorch nn.Sequential and scikit-learn code: shapes stay consistent, numbers stay capped. */
class TorchAndSklearnRewriteTest extends AbstractRewriteTest {
    private static final ModelType TORCH = new ModelType(Framework.PYTORCH, Architecture.CNN);
    private static final ModelType SKLEARN = new ModelType(Framework.SKLEARN, Architecture.ANN);

    /** The conv block keeps channels and size (3x3, padding 1), so the flatten size 8 * 4 * 4 stays right. */
    @Test
    void shouldAddAShapePreservingConvBlock() throws IOException {
        given("torch_cnn.py", false);

        SourceEdit edit = tweak(TORCH, study("[epochs] EPOCHS 1 -> 2", 0.6)).orElseThrow();

        assertThat(edit.change()).isEqualTo(
                "[add conv block] nn.Conv2d(8, 8, 3, padding=1) + nn.ReLU() after line 9 (same channels and size)");
        assertThat(edit.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -7,6 +7,8 @@
                     nn.Conv2d(1, 8, kernel_size=3, padding=1),
                     nn.ReLU(),
                     nn.MaxPool2d(2),
                +    nn.Conv2d(8, 8, 3, padding=1),
                +    nn.ReLU(),
                     nn.Flatten(),
                     nn.Linear(8 * 4 * 4, 32),
                     nn.ReLU(),
                """);
    }

    /** Widening a hidden Linear width changes the layer that makes it and the one that takes it. */
    @Test
    void shouldWidenBothSidesOfAHiddenWidth() throws IOException {
        given("torch_cnn.py", false);

        SourceEdit edit = tweak(TORCH, study("[epochs] EPOCHS 1 -> 2", 0.6, "[add conv block] x", 0.7)).orElseThrow();

        assertThat(edit.change()).isEqualTo("[widen] Linear hidden width 32 -> 64 on line 11");
        assertThat(edit.diff()).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -8,9 +8,9 @@
                     nn.ReLU(),
                     nn.MaxPool2d(2),
                     nn.Flatten(),
                -    nn.Linear(8 * 4 * 4, 32),
                +    nn.Linear(8 * 4 * 4, 64),
                     nn.ReLU(),
                -    nn.Linear(32, 10),
                +    nn.Linear(64, 10),
                 )
                 optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
                 for epoch in range(EPOCHS):
                """);
    }

    /** A norm layer between two Linear layers is widened with them; the epoch loop bound is a literal. */
    @Test
    void shouldWidenTheNormLayerBetweenAndRaiseTheLoopBound() throws IOException {
        String before = given("torch_mlp.py", false);

        SourceEdit epochs = tweak(TORCH, study()).orElseThrow();
        assertThat(epochs.change()).isEqualTo("[epochs] epochs 21 -> 42");
        SourceEdit widen = tweak(TORCH, study(epochs.change(), 0.6)).orElseThrow();

        assertThat(widen.change()).isEqualTo("[widen] Linear hidden width 16 -> 32 on line 3");
        assertThat(file()).isEqualTo(before.replace("range(1, 21)", "range(1, 42)").replace(
                "nn.Linear(64, 16), nn.ReLU(), nn.BatchNorm1d(16), nn.Linear(16, 10)",
                "nn.Linear(64, 32), nn.ReLU(), nn.BatchNorm1d(32), nn.Linear(32, 10)"));
    }

    /** Layers wired in forward() are not edited (their order is not proven), nor a loop that is not over epochs. */
    @Test
    void shouldLeaveAModuleClassAlone() throws IOException {
        String before = given("torch_module.py", false);

        assertThat(tweak(TORCH, study())).isEmpty();
        assertThat(file()).isEqualTo(before);
        assertThat(log().getInfoMessages()).contains(
                "Not raising epochs: 0 loops 'for epoch in range(...)' (need exactly one)",
                "Not widening: no two Linear layers of one nn.Sequential share a literal hidden width");
    }

    /** The seed-like MLP: max_iter, then wider, then deeper, then max_iter again, each a different edit. */
    @Test
    void shouldAlternateTrainingWidthAndDepthOfAnMlp() throws IOException {
        String before = given("sklearn_mlp.py", false);
        List<Object> changes = new ArrayList<>();
        List<String> diffs = new ArrayList<>();
        for (int trial = 0; trial < 4; trial++) {
            SourceEdit edit = tweak(SKLEARN, study(changes.toArray())).orElseThrow();
            changes.add(edit.change());
            changes.add(0.6 + trial * 0.05);
            diffs.add(edit.diff());
        }

        assertThat(changes).containsExactly("[max_iter] max_iter 20 -> 40", 0.6,
                "[widen] hidden_layer_sizes (2,) -> (4,)", 0.65,
                "[add hidden layer] hidden_layer_sizes (4,) -> (4, 4)", 0.7,
                "[max_iter] max_iter 40 -> 80", 0.75);
        assertThat(diffs.get(1)).isEqualTo("""
                --- a/train.py
                +++ b/train.py
                @@ -4,5 +4,5 @@
                \s
                 X, y = load_digits(return_X_y=True)
                 # Two hidden units and a few iterations: fast, and far below the 90% target.
                -model = MLPClassifier(hidden_layer_sizes=(2,), max_iter=40, random_state=0)
                +model = MLPClassifier(hidden_layer_sizes=(4,), max_iter=40, random_state=0)
                 model.fit(X, y)
                """);
        assertThat(file()).isEqualTo(before.replace("hidden_layer_sizes=(2,), max_iter=20",
                "hidden_layer_sizes=(4, 4), max_iter=80"));
    }

    /** max_iter stops at 4x its value before the study or 200, whichever is more. */
    @Test
    void shouldCapMaxIter() throws IOException {
        String before = given("sklearn_mlp.py", false);
        java.nio.file.Files.writeString(workspace().resolve("train.py"), before.replace("max_iter=20", "max_iter=160"));

        SourceEdit edit = tweak(SKLEARN, study("[widen] x", 0.6, "[max_iter] max_iter 20 -> 40", 0.7,
                "[add hidden layer] y", 0.8)).orElseThrow();

        assertThat(edit.change()).isEqualTo("[max_iter] max_iter 160 -> 200");
    }

    /** C of an SVM goes up tenfold to at most 1000, keeping the literal's style. */
    @Test
    void shouldRaiseCOfAnSvm() throws IOException {
        given("sklearn_svm.py", false);

        SourceEdit edit = tweak(SKLEARN, study()).orElseThrow();

        assertThat(edit.change()).isEqualTo("[raise C] C 1.0 -> 10.0");
        assertThat(file()).contains("clf = SVC(kernel=\"rbf\", C=10.0, gamma=\"scale\")");
    }
}
