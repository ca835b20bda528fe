package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.ui.MlopsRunAction;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The values Pipeline steps return: maps of plain strings and numbers, so scripts read them in the sandbox
 * ({@code def t = mlopsDetect(); echo t.framework}) and they survive a controller restart with the program.
 */
final class StepResults {
    private StepResults() {
    }

    /** {@code framework}, {@code architecture}, {@code image}, {@code entry}, {@code confidence}. */
    static LinkedHashMap<String, Object> detection(final ChainState state) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        Detection detection = state.detection();
        if (detection != null) {
            result.put("framework", detection.type().framework().id());
            result.put("architecture", detection.type().architecture().id());
            result.put("image", detection.image());
            result.put("entry", detection.entry());
            result.put("confidence", detection.confidence());
        }
        return result;
    }

    /** {@code trial}, {@code state}, {@code metric} of the latest trial. */
    static LinkedHashMap<String, Object> lastTrial(final ChainState state) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        List<TrialRecord> trials = state.trials();
        if (!trials.isEmpty()) {
            TrialRecord last = trials.get(trials.size() - 1);
            result.put("trial", last.number());
            result.put("state", last.state().name());
            result.put("metric", last.metric());
        }
        return result;
    }

    /**
     * {@code metric}, {@code value}, {@code target}, {@code verdict}, {@code passed}, {@code reason} and
     * {@code trials} with the full numbers, and {@code display}, the same rounded for people (as on the build page).
     */
    static LinkedHashMap<String, Object> gate(final ChainState state) {
        LinkedHashMap<String, Object> result = new LinkedHashMap<>();
        GateResult gate = state.gate();
        result.put("metric", gate == null ? state.objective().metric() : gate.metric());
        result.put("value", gate == null ? null : gate.value());
        result.put("target", gate == null ? state.objective().target() : gate.target());
        result.put("verdict", gate == null ? null : gate.verdict().name());
        result.put("passed", gate != null && gate.verdict() == Verdict.PASSED);
        result.put("reason", gate == null ? null : gate.reason());
        result.put("trials", state.trials().size());
        result.put("display", gate == null ? "no verdict yet"
                : MlopsRunAction.line(gate.metric(), gate.value(), gate.target(), state.trials().size(),
                        gate.verdict().name()));
        return result;
    }
}
