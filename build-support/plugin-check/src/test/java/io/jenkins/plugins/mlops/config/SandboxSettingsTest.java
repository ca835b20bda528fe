package io.jenkins.plugins.mlops.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The copy-back sizes of the global configuration as its form and Configuration as Code give them; {@link
 * io.jenkins.plugins.mlops.steps.ContainerSettingsIT} trains with them.
 */
class SandboxSettingsTest {
    /** The form's sizes: empty is not set, a size is bytes, anything else is refused naming the field. */
    @Test
    void shouldReadTheSizesOfTheForm() {
        assertThat(RepositoryPolicy.optionalSize("Largest file copied back", " ")).isNull();
        assertThat(RepositoryPolicy.optionalSize("Largest file copied back", "512m")).isEqualTo(512L << 20);
        assertThatThrownBy(() -> RepositoryPolicy.optionalSize("Largest file copied back", "lots"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Largest file copied back");
        assertThatThrownBy(() -> RepositoryPolicy.optionalSize("Most bytes copied back per trial", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Most bytes copied back");
    }
}
