package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditRecord;
import java.io.Serializable;
import java.util.Objects;

/**
 * One edit of the model code, already written to the file.
 *
 * @param file   the edited file, relative to the workspace (forward slashes)
 * @param diff   the unified diff of the edit
 * @param change one line for tables and mails; starts with the kind's tag, e.g. {@code [epochs] epochs 10 -> 20}
 * @param edit   what kind of edit it was and the values before and after
 */
public record SourceEdit(String file, String diff, String change, EditRecord edit) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SourceEdit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(diff, "diff");
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(edit, "edit");
    }
}
