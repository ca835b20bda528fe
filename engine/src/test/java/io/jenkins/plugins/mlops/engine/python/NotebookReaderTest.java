package io.jenkins.plugins.mlops.engine.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import org.junit.jupiter.api.Test;

/** Reading the code cells of notebooks. */
class NotebookReaderTest {
    /** Code cells are joined in order, markdown and raw cells are left out, list and string sources both work. */
    @Test
    void shouldJoinCodeCells() {
        String json = """
                {"cells": [
                  {"cell_type": "markdown", "source": ["# Conv2D"]},
                  {"cell_type": "code", "source": ["import keras\\n", "x = 1"]},
                  {"cell_type": "raw", "source": "Conv2D(1)"},
                  {"cell_type": "code", "source": "y = 2\\n"}
                ], "nbformat": 4}
                """;

        assertThat(NotebookReader.code(json)).isEqualTo("import keras\nx = 1\ny = 2\n");
    }

    /** Magics and shell escapes become comments of the same length; foreign cell magics comment out the cell. */
    @Test
    void shouldCommentOutMagics() {
        String json = """
                {"cells": [
                  {"cell_type": "code", "source": ["%matplotlib inline\\n", "  !pip install x\\n", "a = 1"]},
                  {"cell_type": "code", "source": ["%%bash\\n", "echo 'unterminated\\n"]},
                  {"cell_type": "code", "source": ["%%time\\n", "b = 2\\n"]}
                ]}
                """;

        String code = NotebookReader.code(json);

        assertThat(code).isEqualTo("#matplotlib inline\n  #pip install x\na = 1\n#%bash\n#cho 'unterminated\n"
                + "#%time\nb = 2\n");
        assertThat(PythonTokenizer.tokenize(code).partial()).isFalse();
    }

    /** Text that is not a notebook is a clear input error. */
    @Test
    void shouldRejectBrokenNotebooks() {
        assertThatThrownBy(() -> NotebookReader.code("{\"cells\": [")).isInstanceOf(MlopsException.class)
                .hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> NotebookReader.code("[1, 2]")).isInstanceOf(MlopsException.class)
                .hasMessageContaining("no 'cells' list");
        assertThatThrownBy(() -> NotebookReader.code("")).isInstanceOf(MlopsException.class);
    }
}
