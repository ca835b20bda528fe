package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;

/** Reads a trained trial's metric and judges it against the objective's target. */
interface TrialJudge {
    /** The verdict for the trial trained in {@code workDir}. */
    GateResult judge(Path workDir, List<String> metricLines, RunLog log);
}
