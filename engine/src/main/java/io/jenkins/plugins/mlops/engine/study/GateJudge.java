package io.jenkins.plugins.mlops.engine.study;

import io.jenkins.plugins.mlops.engine.gate.MetricGate;
import io.jenkins.plugins.mlops.engine.gate.GateSpec;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.nio.file.Path;
import java.util.List;

/** Judges trials with the accuracy gate. */
final class GateJudge implements TrialJudge {
    private final MetricGate gate = new MetricGate();
    private final GateSpec spec;

    GateJudge(final GateSpec spec) {
        this.spec = spec;
    }

    @Override
    public GateResult judge(final Path workDir, final List<String> metricLines, final RunLog log) {
        return gate.check(workDir, metricLines, spec, log);
    }
}
