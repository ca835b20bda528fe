package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.EditRecord;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one trial trains: its own files over the study's workspace (with the trial's code) and the parameters it gets.
 *
 * @param number   the trial number
 * @param workDir  the trial's work directory: its entry, and what comes back from training
 * @param entry    the entry point, relative to {@code workDir}
 * @param params   the sampled parameters (empty for source-rewrite trials)
 * @param diff     the source edit of this trial, or {@code null}
 * @param change   one line saying what changed
 * @param edit     what the source edit changed, as data, or {@code null}
 */
record TrialPlan(int number, Path workDir, String entry, Map<String, Object> params, String diff, String change,
        EditRecord edit) {
}
