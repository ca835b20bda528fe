package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.config.EngineSettings;
import io.jenkins.plugins.mlops.engine.config.OperatorPolicy;
import io.jenkins.plugins.mlops.engine.config.Overrides;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under Jenkins a repository's mlops.yml applies: a step sends only what the user set, the global configuration's
 * values are operator defaults below mlops.yml. The steps used to send their own metric, target (the global
 * default), maximum trials and timeout, so mlops.yml's never applied.
 */
class PrecedenceTest {
    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    /** Step unset: mlops.yml's target beats the global default. */
    @Test
    void shouldPreferMlopsYmlOverTheGlobalDefault() throws IOException {
        measured("target: 0.4\n");

        StepOutcome outcome = EngineCalls.run(new StepOrder.Check("", null), settings(0.99), workspace, log);

        assertThat(outcome.state().gate().target()).isEqualTo(0.4);
        assertThat(outcome.state().gate().verdict().name()).isEqualTo("PASSED");
    }

    /** Neither step nor mlops.yml: the global default applies. */
    @Test
    void shouldUseTheGlobalDefaultWhenNothingElseSaysSo() throws IOException {
        measured("metric: accuracy\n");

        StepOutcome outcome = EngineCalls.run(new StepOrder.Check("", null), settings(0.99), workspace, log);

        assertThat(outcome.state().gate().target()).isEqualTo(0.99);
    }

    /** What the user set on the step beats mlops.yml. */
    @Test
    void shouldPreferTheStepOverMlopsYml() throws IOException {
        measured("target: 0.4\n");

        StepOutcome outcome = EngineCalls.run(new StepOrder.Check("", 0.6), settings(0.99), workspace, log);

        assertThat(outcome.state().gate().target()).isEqualTo(0.6);
    }

    private void measured(final String mlopsYml) throws IOException {
        Files.writeString(workspace.resolve("mlops.yml"), mlopsYml);
        Files.writeString(workspace.resolve("accuracy.txt"), "0.5\n");
    }

    private static EngineSettings settings(final double defaultTarget) {
        OperatorPolicy policy = OperatorPolicy.builder().defaults(Overrides.builder().target(defaultTarget).build())
                .build();
        return new EngineSettings("", false, "", Map.of(), policy, EngineSettings.Sandbox.DEFAULT, "",
                false);
    }
}
