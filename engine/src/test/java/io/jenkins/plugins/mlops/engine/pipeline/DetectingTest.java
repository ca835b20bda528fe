package io.jenkins.plugins.mlops.engine.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.config.ConfigLoader;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which mlops.yml decides the entry, and that a foreign one is read with the same limits as the workspace's. */
class DetectingTest {
    private static final String SKLEARN_SVM = "from sklearn.svm import SVC\nSVC().fit(X, y)\n";
    private static final String SKLEARN_TREE = "from sklearn.tree import DecisionTreeClassifier as T\nT().fit(X, y)\n";

    @TempDir
    private Path workspace;
    @TempDir
    private Path elsewhere;

    /** {@code entry:} in the workspace's mlops.yml picks the entry among two training scripts. */
    @Test
    void shouldTakeTheEntryOfTheWorkspaceConfig() throws IOException {
        Files.writeString(workspace.resolve("mlops.yml"), "entry: svm.py\n");
        Files.writeString(workspace.resolve("svm.py"), SKLEARN_SVM);
        Files.writeString(workspace.resolve("tree.py"), SKLEARN_TREE);

        Detection detection = new Detecting().detect(workspace, workspace, ConfigLoader.load(workspace), new RunLog());

        assertThat(detection.entry()).isEqualTo("svm.py");
    }

    /** A directory elsewhere is a repository of its own: its mlops.yml names the entry. */
    @Test
    void shouldTakeTheEntryOfAnotherRepository() throws IOException {
        Files.writeString(elsewhere.resolve("mlops.yml"), "entry: tree.py\n");
        Files.writeString(elsewhere.resolve("svm.py"), SKLEARN_SVM);
        Files.writeString(elsewhere.resolve("tree.py"), SKLEARN_TREE);

        Detection detection = new Detecting().detect(workspace, elsewhere, ConfigLoader.load(workspace),
                new RunLog());

        assertThat(detection.entry()).isEqualTo("tree.py");
    }

    /**
     * Attack: another repository's mlops.yml of 8 MB (or any size) is refused by its size before it is read as YAML,
     * as the workspace's is, instead of being read whole into memory and parsed.
     */
    @Test
    void shouldRefuseAnOversizedConfigOfAnotherRepository() throws IOException {
        Files.writeString(elsewhere.resolve("svm.py"), SKLEARN_SVM);
        try (Writer out = Files.newBufferedWriter(elsewhere.resolve("mlops.yml"))) {
            out.write("entry: svm.py\n");
            String comment = "# " + "x".repeat(1021) + "\n";
            for (int i = 0; i < 8 * 1024; i++) {
                out.write(comment);
            }
        }

        assertThatThrownBy(() -> new Detecting().detect(workspace, elsewhere, ConfigLoader.load(workspace),
                new RunLog())).isInstanceOf(MlopsException.class).hasMessageContaining("is larger than");
    }
}
