package io.jenkins.plugins.mlops.engine.publish;

import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What is known about a published model, written next to it as {@code MODEL_CARD.md} and {@code model-card.json}.
 *
 * @param metric       the metric name, e.g. {@code accuracy}
 * @param value        the metric the model reached, or {@code null}
 * @param target       the objective's target
 * @param direction    {@code maximize} or {@code minimize}
 * @param verdict      the gate's verdict
 * @param framework    e.g. {@code keras}
 * @param architecture e.g. {@code cnn}
 * @param trial        the number of the trial that produced the model, or {@code null}
 * @param params       the trial's parameters (empty for source-edit trials)
 * @param diff         the trial's source edit, or {@code null}
 * @param trialCount   how many trials the study ran
 * @param imageDigest  the trainer image id/digest the model was trained in
 * @param sourceCommit the model repository commit that was trained
 * @param date         ISO-8601 instant of publishing
 */
public record ModelCard(String metric, Double value, double target, String direction, Verdict verdict,
        String framework, String architecture, Integer trial, Map<String, Object> params, String diff,
        int trialCount, String imageDigest, String sourceCommit, String date) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ModelCard {
        Objects.requireNonNull(metric, "metric");
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(params));
    }

    /**
     * The card of the best trial of {@code state}: its metric, the gate's verdict, the detected type, the trial's
     * params or diff and image, at {@code now}.
     */
    public static ModelCard of(final ChainState state, final Instant now) {
        TrialRecord best = state.best().orElse(null);
        GateResult gate = state.gate();
        Detection detection = state.detection();
        Double value = best != null && best.metric() != null ? best.metric() : gate == null ? null : gate.value();
        return new ModelCard(state.objective().metric(), value, state.objective().target(),
                state.objective().direction().name().toLowerCase(java.util.Locale.ROOT),
                gate == null ? null : gate.verdict(),
                detection == null ? "unknown" : detection.type().framework().id(),
                detection == null ? "unknown" : detection.type().architecture().id(),
                best == null ? null : best.number(), best == null ? Map.of() : best.params(),
                best == null ? null : best.diff(), state.trials().size(),
                best == null ? null : best.imageDigest(),
                best != null && best.sourceCommit() != null ? best.sourceCommit() : state.sourceCommit(),
                now.toString());
    }
}
