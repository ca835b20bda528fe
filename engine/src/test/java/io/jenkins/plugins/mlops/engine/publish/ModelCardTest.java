package io.jenkins.plugins.mlops.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.model.Architecture;
import io.jenkins.plugins.mlops.engine.model.Detection;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.Framework;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelType;
import io.jenkins.plugins.mlops.engine.model.ChainState;
import io.jenkins.plugins.mlops.engine.model.TrialRecord;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The model card: built from the chain state, rendered as Markdown and JSON. */
class ModelCardTest {
    /** The card takes the best trial, the gate's verdict and the detected type from the chain state. */
    @Test
    void shouldBuildCardFromBestTrial() {
        ChainState state = ChainState.start("run-1").withSourceCommit("c0ffee")
                .withDetection(new Detection("train.py", new ModelType(Framework.KERAS, Architecture.CNN),
                        "mlops/keras", 0.9, false, List.of()))
                .withTrial(trial(1, 0.81, Map.of("epochs", 10)))
                .withTrial(trial(2, 0.93, Map.of("epochs", 20)))
                .withGate(new GateResult(Verdict.PASSED, "accuracy", 0.93, 0.9, Direction.MAXIMIZE, "met"));

        ModelCard card = ModelCard.of(state, Instant.parse("2026-11-26T20:00:00Z"));

        assertThat(card).isEqualTo(new ModelCard("accuracy", 0.93, 0.9, "maximize", Verdict.PASSED, "keras", "cnn",
                2, Map.of("epochs", 20), null, 2, "sha256:2", "abc2", "2026-11-26T20:00:00Z"));
    }

    /** Markdown and JSON carry every fact, including params and the diff. */
    @Test
    void shouldRenderMarkdownAndJson() {
        ModelCard card = new ModelCard("accuracy", 0.93, 0.9, "maximize", Verdict.PASSED, "pytorch", "ann", 4,
                Map.of("lr", 0.01), "+conv | pool", 5, "sha256:d", "abc", "2026-11-26T20:00:00Z");

        String markdown = new String(ModelCardFiles.markdown(card, "model-4-accuracy-0.93"), StandardCharsets.UTF_8);
        String json = new String(ModelCardFiles.json(card), StandardCharsets.UTF_8);

        assertThat(markdown).contains("# Model card: model-4-accuracy-0.93", "| Metric | accuracy = 0.93 |",
                "| Verdict | PASSED |", "| Trial | 4 of 5 |", "- `lr` = `0.01`", "```diff\n+conv | pool\n```");
        assertThat(json).contains("\"framework\" : \"pytorch\"", "\"architecture\" : \"ann\"",
                "\"trialCount\" : 5", "\"imageDigest\" : \"sha256:d\"", "\"params\" : {");
    }

    private static TrialRecord trial(final int number, final double metric, final Map<String, Object> params) {
        return TrialRecord.running(number, params, null, "epochs", "abc" + number, "2026-11-26T19:00:00Z")
                .finish(TrialState.COMPLETE, metric, 1000, "sha256:" + number, null);
    }
}
