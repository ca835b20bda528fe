package io.jenkins.plugins.mlops.engine.rewrite;

import io.jenkins.plugins.mlops.engine.model.EditKind;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.util.List;
import java.util.Optional;

/** Finds the safe source edits of one framework's code. */
interface EditFinder {
    /** The kinds of edit that may apply to {@code code}, in the order to use them when nothing was tried yet. */
    List<EditKind> kinds(PythonCode code);

    /**
     * An edit of {@code kind}, or empty with a log line saying why there is none.
     *
     * @param kind    what to change
     * @param code    the file
     * @param history the edits so far (for caps)
     * @param log     where to say why no edit applies
     * @return the edit
     */
    Optional<TextEdit> find(EditKind kind, PythonCode code, EditHistory history, RunLog log);
}
