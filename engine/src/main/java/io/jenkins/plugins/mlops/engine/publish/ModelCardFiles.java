package io.jenkins.plugins.mlops.engine.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Renders a {@link ModelCard} as the two files that travel with the model. */
final class ModelCardFiles {
    static final String MARKDOWN = "MODEL_CARD.md";
    static final String JSON = "model-card.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ModelCardFiles() {
    }

    /** {@code model-card.json}: every field of the card. */
    static byte[] json(final ModelCard card) {
        try {
            return (MAPPER.writeValueAsString(card) + "\n").getBytes(StandardCharsets.UTF_8);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException("a model card must always serialise: " + e.getOriginalMessage(), e);
        }
    }

    /** {@code MODEL_CARD.md}: the same facts for people. */
    static byte[] markdown(final ModelCard card, final String tag) {
        StringBuilder md = new StringBuilder();
        md.append("# Model card: ").append(tag).append("\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Metric", card.metric() + " = " + (card.value() == null ? "n/a" : card.value()));
        row(md, "Target", card.target() + " (" + card.direction() + ")");
        row(md, "Verdict", card.verdict() == null ? "n/a" : card.verdict().name());
        row(md, "Framework", card.framework());
        row(md, "Architecture", card.architecture());
        row(md, "Trial", card.trial() == null ? "n/a" : card.trial() + " of " + card.trialCount());
        row(md, "Trainer image", orNa(card.imageDigest()));
        row(md, "Source commit", orNa(card.sourceCommit()));
        row(md, "Date", card.date());
        if (!card.params().isEmpty()) {
            md.append("\n## Parameters\n\n");
            for (Map.Entry<String, Object> param : card.params().entrySet()) {
                md.append("- `").append(param.getKey()).append("` = `").append(param.getValue()).append("`\n");
            }
        }
        if (card.diff() != null && !card.diff().isBlank()) {
            md.append("\n## Source change\n\n```diff\n").append(card.diff().stripTrailing()).append("\n```\n");
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(final StringBuilder md, final String name, final String value) {
        md.append("| ").append(name).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String orNa(final String value) {
        return value == null ? "n/a" : value;
    }
}
