package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import groovy.lang.Closure;
import groovy.lang.GroovyClassLoader;
import io.jenkins.plugins.mlops.steps.MlopsGlobalVariable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.codehaus.groovy.control.CompilationFailedException;
import org.jenkinsci.plugins.workflow.cps.CpsScript;
import org.junit.jupiter.api.Test;

/**
 * The Groovy behind the {@code mlops} Pipeline variable compiles against the Pipeline API (the stubs), with the Groovy
 * Jenkins ships, and is the source the plugin's allowlist lets Pipeline load.
 */
class GroovyPipelineTest {
    private static final String RESOURCE = "io/jenkins/plugins/mlops/steps/MlopsPipeline.groovy";

    /** It compiles, takes the script in its constructor and offers loop(Map) and loop(Map, Closure). */
    @Test
    void shouldCompileTheLoopAgainstThePipelineApi() throws Exception {
        Class<?> pipeline = compile(source());

        assertThat(pipeline.getName()).isEqualTo("io.jenkins.plugins.mlops.steps.MlopsPipeline");
        assertThat(pipeline.getConstructor(CpsScript.class)).isNotNull();
        assertThat(pipeline.getMethod("loop", Map.class, Closure.class).getReturnType()).isEqualTo(Map.class);
        assertThat(pipeline.getMethod("loop", Map.class).getReturnType()).isEqualTo(Map.class);
    }

    /** A reference to a class that does not exist fails the compilation: the test would notice a broken file. */
    @Test
    void shouldFailOnAnUnknownClass() throws IOException {
        String broken = source().replace("import org.jenkinsci.plugins.workflow.cps.CpsScript",
                "import org.jenkinsci.plugins.workflow.cps.NoSuchScript");

        assertThatThrownBy(() -> compile(broken)).isInstanceOf(CompilationFailedException.class)
                .hasMessageContaining("NoSuchScript");
    }

    /** Pipeline loads plugin Groovy only when an allowlist names it: this plugin's allows exactly its own file. */
    @Test
    void shouldAllowExactlyItsOwnSource() {
        URL source = MlopsGlobalVariable.class.getResource("MlopsPipeline.groovy");
        MlopsGlobalVariable.Allowlist allowlist = new MlopsGlobalVariable.Allowlist();

        assertThat(source).isNotNull();
        assertThat(allowlist.isAllowed(source.toString())).isTrue();
        assertThat(allowlist.isAllowed(source.toString().replace("MlopsPipeline", "Other"))).isFalse();
        assertThat(new MlopsGlobalVariable().getName()).isEqualTo("mlops");
    }

    /**
     * Pipeline Syntax > Global Variable Reference shows each variable's {@code help} view, and "(no help)" when there
     * is none: the variable has one, beside its class, that says how to call {@code mlops.loop}.
     */
    @Test
    void shouldOfferHelpInTheGlobalVariableReference() throws Exception {
        URL help = MlopsGlobalVariable.class.getResource("MlopsGlobalVariable/help.jelly");

        assertThat(help).as("MlopsGlobalVariable/help.jelly").isNotNull();
        try (InputStream in = help.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            javax.xml.parsers.DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            assertThat(text).contains("escape-by-default='true'", "mlops.loop(label:", "mlopsAsk", "mlopsTell");
        }
    }

    private static String source() throws IOException {
        try (InputStream in = GroovyPipelineTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Class<?> compile(final String text) throws IOException {
        try (GroovyClassLoader loader = new GroovyClassLoader(GroovyPipelineTest.class.getClassLoader())) {
            return loader.parseClass(text, "MlopsPipeline.groovy");
        }
    }
}
