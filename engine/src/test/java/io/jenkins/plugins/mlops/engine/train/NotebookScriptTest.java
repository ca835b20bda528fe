package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Notebook entries become scripts: code cells in order, magics and shell lines commented out. */
class NotebookScriptTest {
    @TempDir
    private Path dir;

    /** Code cells (as line lists or one string) run in order; markdown is left out; magics become comments. */
    @Test
    void shouldKeepCodeCellsInOrder() throws IOException {
        Path notebook = dir.resolve("train.ipynb");
        Files.writeString(notebook, """
                {"cells": [
                  {"cell_type": "markdown", "source": ["# Title"]},
                  {"cell_type": "code", "source": ["%matplotlib inline\\n", "!pip install x\\n", "import os\\n"]},
                  {"cell_type": "code", "source": "print(os.getcwd())"}
                ], "nbformat": 4}
                """);

        String script = new String(NotebookScript.toPython(notebook), StandardCharsets.UTF_8);

        assertThat(script).contains("# %matplotlib inline\n", "# !pip install x\n", "import os\n",
                "print(os.getcwd())").doesNotContain("# Title");
        assertThat(script.indexOf("import os")).isLessThan(script.indexOf("print(os.getcwd())"));
    }

    /** A file that is not a notebook is an input error naming it. */
    @Test
    void shouldRefuseBrokenNotebooks() throws IOException {
        Path broken = dir.resolve("broken.ipynb");
        Files.writeString(broken, "{ not json");
        Path noCells = dir.resolve("nocells.ipynb");
        Files.writeString(noCells, "{}");

        assertThatThrownBy(() -> NotebookScript.toPython(broken)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("broken.ipynb");
        assertThatThrownBy(() -> NotebookScript.toPython(noCells)).isInstanceOf(MlopsException.class)
                .hasMessageContaining("no cells");
    }

    /** A notebook entry runs the converted script in the notebook's folder. */
    @Test
    void shouldRunNotebookEntriesInTheirFolder() {
        TrainingRequest request = TrainingRequest.builder(dir, "img", "notebooks/train.ipynb").build();
        ContainerSpec spec = new ContainerSpec(request, new TrainerImage("img", "sha256:1", null, "1000", null));

        assertThat(request.command()).containsExactly("python3", "/workspace/.mlops/notebook.py");
        assertThat(spec.workingDir()).isEqualTo("/workspace/notebooks");
        assertThat(new ContainerSpec(TrainingRequest.builder(dir, "img", "sub/train.py").build(),
                new TrainerImage("img", "sha256:1", null, "1000", null)).workingDir()).isEqualTo("/workspace");
    }
}
