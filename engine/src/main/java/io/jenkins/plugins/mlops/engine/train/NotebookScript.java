package io.jenkins.plugins.mlops.engine.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A notebook entry as a plain Python script: its code cells in order. The trainer images have no Jupyter, and a
 * notebook runs top to bottom in training anyway. IPython magics ({@code %matplotlib}) and shell lines
 * ({@code !pip install}) are not Python and the container has no network: they are kept as comments.
 */
final class NotebookScript {
    /** Where the converted script goes, relative to the workspace. */
    static final String SCRIPT = ".mlops/notebook.py";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private NotebookScript() {
    }

    /** Whether {@code entry} is a notebook. */
    static boolean isNotebook(final String entry) {
        return entry != null && entry.toLowerCase(Locale.ROOT).endsWith(".ipynb");
    }

    /** The code cells of {@code notebook} as one script. */
    static byte[] toPython(final Path notebook) {
        JsonNode root;
        try {
            root = JSON.readTree(notebook.toFile());
        }
        catch (IOException e) {
            throw MlopsException.input("The notebook " + notebook + " cannot be read as JSON (" + e.getMessage()
                    + "). Save it again from Jupyter, or name a .py entry.");
        }
        if (root == null || !root.path("cells").isArray()) {
            throw MlopsException.input("The notebook " + notebook + " has no cells; is it a Jupyter notebook?");
        }
        StringBuilder script = new StringBuilder("# Code cells of " + notebook.getFileName() + ", run by mlops\n");
        int number = 0;
        for (JsonNode cell : root.path("cells")) {
            number++;
            if (!"code".equals(cell.path("cell_type").asText())) {
                continue;
            }
            script.append("\n# cell ").append(number).append('\n');
            for (String line : source(cell.path("source")).split("\n", -1)) {
                String trimmed = line.stripLeading();
                script.append(trimmed.startsWith("%") || trimmed.startsWith("!") ? "# " + line : line).append('\n');
            }
        }
        return script.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A cell's source is a list of lines (with their breaks) or one string. */
    private static String source(final JsonNode source) {
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(line -> text.append(line.asText()));
            return text.toString();
        }
        return source.asText();
    }
}
