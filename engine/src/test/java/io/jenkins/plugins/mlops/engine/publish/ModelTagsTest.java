package io.jenkins.plugins.mlops.engine.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Tag names of published models. */
class ModelTagsTest {
    /** Trial or build, metric name and a value with at most four decimals. */
    @Test
    void shouldNameTagFromTrialMetricAndValue() {
        assertThat(ModelTags.name("3", "accuracy", 0.93124)).isEqualTo("model-3-accuracy-0.9312");
        assertThat(ModelTags.name("build42", "loss", 0.1)).isEqualTo("model-build42-loss-0.1");
        assertThat(ModelTags.name("7", "accuracy", null)).isEqualTo("model-7-accuracy");
        assertThat(ModelTags.name("7", "accuracy", Double.NaN)).isEqualTo("model-7-accuracy");
    }

    /** Characters git refuses in a tag become dashes, so any metric or build name makes a valid tag. */
    @Test
    void shouldCleanCharactersGitRefuses() {
        assertThat(ModelTags.name("job #12", "top 5/acc..x", 1.0)).isEqualTo("model-job-12-top-5-acc.x-1");
        assertThat(ModelTags.name("", "~^:?*[", 0.5)).isEqualTo("model-x-x-0.5");
    }
}
