package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.model.EditRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A proposed source edit: text replacements by offset, what it changes as data, and the change line for people.
 *
 * @param edit    its kind and the values before and after
 * @param details the change line after the tag, e.g. {@code epochs 10 -> 20}
 * @param splices the replacements, in any order, not overlapping
 */
record TextEdit(EditRecord edit, String details, List<Splice> splices) {
    TextEdit {
        splices = List.copyOf(splices);
    }

    /** An edit with one replacement. */
    static TextEdit of(final EditRecord edit, final String details, final int start, final int end,
            final String text) {
        return new TextEdit(edit, details, List.of(new Splice(start, end, text)));
    }

    /** What kind of edit it is. */
    EditKind kind() {
        return edit.kind();
    }

    /** The change line: tag and details. */
    String change() {
        return edit.kind().describe(details);
    }

    /** {@code source} with the replacements made; everything else stays byte for byte. */
    String apply(final String source) {
        List<Splice> backwards = new ArrayList<>(splices);
        backwards.sort(Comparator.comparingInt(Splice::start).reversed());
        StringBuilder text = new StringBuilder(source);
        for (Splice splice : backwards) {
            text.replace(splice.start(), splice.end(), splice.text());
        }
        return text.toString();
    }

    /**
     * Replace the characters {@code [start, end)} with {@code text} (an insertion when start equals end).
     *
     * @param start first offset replaced
     * @param end   offset after the last one replaced
     * @param text  the new text
     */
    record Splice(int start, int end, String text) {
    }
}
