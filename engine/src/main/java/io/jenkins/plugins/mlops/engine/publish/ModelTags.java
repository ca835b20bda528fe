package io.jenkins.plugins.mlops.engine.publish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Repository;

/** Names the tag of a published model: {@code model-<trial or build>-<metric>-<value>}. */
public final class ModelTags {
    private ModelTags() {
    }

    /**
     * The tag name for a model, e.g. {@code model-3-accuracy-0.9312} or {@code model-build42-loss-0.12}.
     *
     * @param trialOrBuild the trial number or the build id that produced the model
     * @param metric       the metric name
     * @param value        the metric value (4 decimals at most), or {@code null}
     * @return a valid git tag name: characters outside {@code [A-Za-z0-9._-]} become {@code -}
     */
    public static String name(final String trialOrBuild, final String metric, final Double value) {
        StringBuilder name = new StringBuilder("model-").append(clean(trialOrBuild)).append('-').append(clean(metric));
        if (value != null && !value.isNaN() && !value.isInfinite()) {
            name.append('-').append(BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString());
        }
        String tag = name.toString();
        if (!Repository.isValidRefName(Constants.R_TAGS + tag)) {
            throw new IllegalArgumentException("not a valid tag name: " + tag);
        }
        return tag;
    }

    private static String clean(final String part) {
        String cleaned = part == null ? "" : part.strip().replaceAll("[^A-Za-z0-9._-]+", "-")
                .replaceAll("\\.{2,}", ".").replaceAll("^[-.]+|[-.]+$", "");
        return cleaned.isEmpty() ? "x" : cleaned;
    }
}
