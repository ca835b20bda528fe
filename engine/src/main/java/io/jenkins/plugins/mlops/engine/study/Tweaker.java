package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.EditRecord;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Decides what the next trial changes: sampled parameters, or an edit of the model code. */
public interface Tweaker {
    /** The parameters of the first trial (empty when the code runs as written). */
    Map<String, Object> firstParams();

    /**
     * The next tweak, applied to {@code workDir} (a copy of the best trial's code) where it edits code.
     *
     * @return empty, with a log line saying why, when no safe tweak applies
     */
    Optional<Tweak> next(Path workDir, String entry, List<TrialRecord> history, RunLog log);

    /** Whether the trials of this tweaker are independent, so several may train at once. */
    boolean parallelizable();

    /**
     * One tweak.
     *
     * @param params the parameters of the trial
     * @param diff   the unified diff of a source edit, or {@code null}
     * @param change one line saying what changed
     * @param edit   what a source edit changed, as data, or {@code null}
     */
    record Tweak(Map<String, Object> params, String diff, String change, EditRecord edit) {
    }
}
