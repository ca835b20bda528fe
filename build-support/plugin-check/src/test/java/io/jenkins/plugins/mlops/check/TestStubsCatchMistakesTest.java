package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JenkinsRule tests of plugin/src/test/java are only compiled here, against the test-harness and Pipeline
 * stubs; this shows that such a compile catches a wrong call instead of accepting anything.
 */
class TestStubsCatchMistakesTest {
    /** A missing overload and a misspelt assertion fail to compile. */
    @Test
    void shouldRejectWrongCalls(@TempDir final Path out) throws Exception {
        assertThat(compile("WrongJenkinsRuleUse.java", out))
                .contains("createProject in class JenkinsRule cannot be applied")
                .contains("cannot find symbol").contains("assertLogContain(String,WorkflowRun)");
    }

    /** Building a Pipeline definition without handling its checked exception fails to compile. */
    @Test
    void shouldRejectAnUnhandledFormException(@TempDir final Path out) throws Exception {
        assertThat(compile("UnhandledFormException.java", out))
                .contains("unreported exception FormException");
    }

    /** The same calls done right compile, so the failures above come from the mistakes, not the class path. */
    @Test
    void shouldAcceptTheRightCalls(@TempDir final Path out) throws Exception {
        assertThat(compile("RightJenkinsRuleUse.java", out)).isEmpty();
    }

    /** Compiles one fixture against this module's test class path and returns javac's messages. */
    private static String compile(final String fixture, final Path out) throws IOException, URISyntaxException {
        Path source = Path.of(TestStubsCatchMistakesTest.class.getResource("/fixture-sources/" + fixture).toURI());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        List<String> options = List.of("-proc:none", "-d", out.toString(),
                "-classpath", System.getProperty("java.class.path"));
        javac.getTask(messages, null, null, options, null,
                javac.getStandardFileManager(null, null, null).getJavaFileObjects(source)).call();
        return messages.toString();
    }
}
