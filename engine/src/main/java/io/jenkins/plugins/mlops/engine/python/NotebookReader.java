package io.jenkins.plugins.mlops.engine.python;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.mlops.engine.util.MlopsException;

/**
 * Reads the Python code of a Jupyter notebook ({@code .ipynb}, nbformat 4): the code cells in order, each ending with
 * a line break, so line numbers count through the code cells only. IPython magics and shell escapes
 * ({@code %matplotlib}, {@code !pip install}) and cells of other languages ({@code %%bash}) are turned into
 * comments of the same length so the rest tokenizes as plain Python. Notebooks exported to {@code .py} ({@code # In[3]:}) are plain Python already.
 */
public final class NotebookReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NotebookReader() {
    }

    /**
     * The code of the notebook {@code json}.
     *
     * @throws MlopsException (INPUT) when the text is not a notebook
     */
    public static String code(final String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        }
        catch (JsonProcessingException e) {
            throw MlopsException.input("The notebook is not valid JSON (" + e.getOriginalMessage()
                    + "). Save it again from Jupyter.");
        }
        JsonNode cells = root == null ? null : root.get("cells");
        if (cells == null || !cells.isArray()) {
            throw MlopsException.input("The notebook has no 'cells' list (nbformat 4 expected). Save it again from "
                    + "Jupyter 4 or later.");
        }
        StringBuilder code = new StringBuilder();
        for (JsonNode cell : cells) {
            if ("code".equals(cell.path("cell_type").asText())) {
                String text = sourceOf(cell.get("source"));
                code.append(withoutMagics(text));
                if (!text.endsWith("\n")) {
                    code.append('\n');
                }
            }
        }
        return code.toString();
    }

    private static String sourceOf(final JsonNode source) {
        if (source == null) {
            return "";
        }
        if (source.isArray()) {
            StringBuilder text = new StringBuilder();
            source.forEach(part -> text.append(part.asText()));
            return text.toString();
        }
        return source.asText();
    }

    private static String withoutMagics(final String cell) {
        boolean foreignCell = isForeignCell(cell);
        StringBuilder out = new StringBuilder(cell.length());
        for (String line : cell.split("(?<=\n)", -1)) {
            String trimmed = line.stripLeading();
            if (foreignCell && !trimmed.isEmpty() || trimmed.startsWith("%") || trimmed.startsWith("!")
                    || trimmed.startsWith("?")) {
                int indent = line.length() - trimmed.length();
                out.append(line, 0, indent).append('#').append(trimmed.substring(1));
            }
            else {
                out.append(line);
            }
        }
        return out.toString();
    }

    /** A cell magic such as {@code %%bash} or {@code %%writefile} makes the whole cell something other than Python. */
    private static boolean isForeignCell(final String cell) {
        String first = cell.stripLeading();
        return first.startsWith("%%") && !first.matches("(?s)%%(time|timeit|capture|prun)\\b.*");
    }
}
