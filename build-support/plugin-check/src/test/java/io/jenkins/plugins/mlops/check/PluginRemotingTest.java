package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the plugin sends to agents and gets back passes Jenkins remoting and its class filter. */
class PluginRemotingTest {
    /** The agent call, its orders and settings, and the outcome coming back are all serialisable and filtered. */
    @Test
    void shouldSendOnlySerializableValuesToAgents() throws Exception {
        Set<String> classFilter;
        try (InputStream in = Files.newInputStream(
                PluginClasses.resources().resolve("META-INF/hudson.remoting.ClassFilter"))) {
            classFilter = RemotingChecker.readClassFilter(in);
        }
        RemotingChecker checker = new RemotingChecker("io.jenkins.plugins.mlops.engine.", classFilter, Set.of());

        assertThat(checker.check(Class.forName("io.jenkins.plugins.mlops.steps.AgentCall"),
                Class.forName("io.jenkins.plugins.mlops.steps.StepOutcome"))).isEmpty();
        assertThat(classFilter).contains("io.jenkins.plugins.mlops.engine.model.ChainState");
    }
}
