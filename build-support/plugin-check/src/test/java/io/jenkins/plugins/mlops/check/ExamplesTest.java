package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The examples at the top of the repository use only steps and parameters that exist. */
class ExamplesTest {
    private static final Path ROOT = Path.of(System.getProperty("repository.root", "../.."));

    private final ExampleChecker checker = new ExampleChecker(stepsByName());

    /** The Jenkinsfile examples call existing steps with existing parameters. */
    @Test
    void shouldUseOnlyExistingStepsInTheJenkinsfiles() throws Exception {
        assertThat(checker.checkJenkinsfile(ROOT.resolve("Jenkinsfile.example"))).isEmpty();
        assertThat(checker.checkJenkinsfile(ROOT.resolve("Jenkinsfile.loop.example"))).isEmpty();
        assertThat(checker.checkJenkinsfile(ROOT.resolve("Jenkinsfile.parallel.example"))).isEmpty();
        assertThat(Files.readString(ROOT.resolve("Jenkinsfile.example"), StandardCharsets.UTF_8))
                .contains("pollSCM('* * * * *')", "mlopsFetch", "mlopsDetect", "mlopsTrain", "mlopsCheckAccuracy",
                        "mlopsTweak", "mlopsNotify", "mlopsPublish");
    }

    /** The parallel example uses the mlops variable with the options its Groovy reads. */
    @Test
    void shouldUseTheLoopVariableInTheParallelExample() throws Exception {
        String example = Files.readString(ROOT.resolve("Jenkinsfile.parallel.example"), StandardCharsets.UTF_8);
        String groovy = Files.readString(
                ROOT.resolve("plugin/src/main/resources/io/jenkins/plugins/mlops/steps/MlopsPipeline.groovy"),
                StandardCharsets.UTF_8);

        assertThat(example).contains("mlops.loop(label: 'docker', parallel: 2, home: 'built-in')");
        assertThat(groovy).contains("args.label", "args.parallel", "args.home");
    }

    /** The freestyle job example configures existing builders with existing properties. */
    @Test
    void shouldUseOnlyExistingBuildersInTheFreestyleJob() throws Exception {
        assertThat(checker.checkFreestyleJob(ROOT.resolve("freestyle-job.example.xml"))).isEmpty();
    }

    /** A misspelt step, an unknown parameter and an unknown builder property are reported. */
    @Test
    void shouldReportUnknownStepsAndParameters(@TempDir final Path folder) throws Exception {
        Path jenkinsfile = folder.resolve("Jenkinsfile");
        Files.writeString(jenkinsfile, """
                node {
                  mlopsTrian()
                  mlopsFetch url: 'https://example.com/m.git',
                          brunch: 'main'
                }
                """, StandardCharsets.UTF_8);
        Path job = folder.resolve("config.xml");
        Files.writeString(job, """
                <project><builders>
                  <io.jenkins.plugins.mlops.steps.TrainBuilder>
                    <timeout>5</timeout>
                  </io.jenkins.plugins.mlops.steps.TrainBuilder>
                  <io.jenkins.plugins.mlops.NoSuchBuilder/>
                </builders></project>
                """, StandardCharsets.UTF_8);

        assertThat(checker.checkJenkinsfile(jenkinsfile))
                .anyMatch(p -> p.contains("no step mlopsTrian"))
                .anyMatch(p -> p.contains("mlopsFetch has no parameter brunch"));
        assertThat(checker.checkFreestyleJob(job))
                .anyMatch(p -> p.contains("TrainBuilder has no property timeout"))
                .anyMatch(p -> p.contains("no builder class io.jenkins.plugins.mlops.NoSuchBuilder"));
    }

    private static Map<String, Class<?>> stepsByName() {
        Map<String, Class<?>> steps = new TreeMap<>();
        for (Class<?> step : PluginClasses.concreteSubclassesOf(Step.class)) {
            for (Class<?> nested : step.getDeclaredClasses()) {
                String name = DescribableChecker.functionName(nested);
                if (name != null) {
                    steps.put(name, step);
                }
            }
        }
        return steps;
    }
}
