package io.jenkins.plugins.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's knobs from the environment: defaults, units, and bad values naming the variable. */
class SandboxPolicyTest {
    /** Nothing set: no root, 2 GiB per file, 4 GiB in all. */
    @Test
    void shouldDefaultToNoRootAndGigabyteLimits() {
        assertThat(SandboxPolicy.fromEnvironment(Map.of())).isEqualTo(new SandboxPolicy(false, 2L << 30, 4L << 30));
    }

    /** Sizes take bytes or k/m/g units, as mlops.yml and Jenkins read them; yes/no values for root. */
    @Test
    void shouldReadTheOperatorsSettings() {
        SandboxPolicy policy = SandboxPolicy.fromEnvironment(Map.of(SandboxPolicy.ALLOW_ROOT, "true",
                SandboxPolicy.MAX_FILE, "512m", SandboxPolicy.MAX_TOTAL, "3GiB"));

        assertThat(policy).isEqualTo(new SandboxPolicy(true, 512L << 20, 3L << 30));
        assertThat(SandboxPolicy.fromEnvironment(Map.of(SandboxPolicy.MAX_FILE, "1000")).maxFileBytes())
                .isEqualTo(1000);
    }

    /** A bad value is an input error (exit 2) that names the variable. */
    @Test
    void shouldNameTheVariableOfABadValue() {
        for (Map<String, String> bad : new Map[] {Map.of(SandboxPolicy.MAX_FILE, "lots"),
                Map.of(SandboxPolicy.MAX_FILE, "0"), Map.of(SandboxPolicy.MAX_FILE, "3t"), Map.of(SandboxPolicy.MAX_FILE, "2048g")}) {
            assertThatThrownBy(() -> SandboxPolicy.fromEnvironment(bad)).isInstanceOf(MlopsException.class)
                    .hasMessageContaining(SandboxPolicy.MAX_FILE)
                    .satisfies(e -> assertThat(((MlopsException) e).kind()).isEqualTo(MlopsException.Kind.INPUT));
        }
        assertThatThrownBy(() -> SandboxPolicy.fromEnvironment(Map.of(SandboxPolicy.ALLOW_ROOT, "maybe")))
                .hasMessageContaining(SandboxPolicy.ALLOW_ROOT);
    }
}
