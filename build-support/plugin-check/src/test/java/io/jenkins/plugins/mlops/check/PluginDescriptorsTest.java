package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.tasks.Builder;
import io.jenkins.plugins.mlops.config.MlopsGlobalConfiguration;
import io.jenkins.plugins.mlops.steps.MlopsBuilderDescriptor;
import io.jenkins.plugins.mlops.steps.MlopsStepDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;

/** The plugin's builders and steps register, name and bind the way Jenkins needs. */
class PluginDescriptorsTest {
    private static final List<String> STEP_NAMES = List.of("mlopsFetch", "mlopsDetect", "mlopsTrain",
            "mlopsCheckAccuracy", "mlopsTweak", "mlopsNotify", "mlopsPublish");

    /** Every builder has an {@code @Extension @Symbol} descriptor, a public data-bound constructor and getters. */
    @Test
    void shouldRegisterEveryBuilder() {
        List<Class<?>> builders = PluginClasses.concreteSubclassesOf(Builder.class);
        List<String> problems = new ArrayList<>();
        builders.forEach(b -> problems.addAll(DescribableChecker.checkBuilder(b)));

        assertThat(problems).isEmpty();
        assertThat(builders.stream().map(DescribableChecker::symbol)).containsExactlyInAnyOrderElementsOf(STEP_NAMES);
    }

    /** Every Pipeline step has an {@code @Extension} descriptor with its function name, and the loop step exists. */
    @Test
    void shouldRegisterEveryStep() {
        List<Class<?>> steps = PluginClasses.concreteSubclassesOf(Step.class);
        List<String> problems = new ArrayList<>();
        steps.forEach(s -> problems.addAll(DescribableChecker.checkStep(s)));

        assertThat(problems).isEmpty();
        List<String> expected = new ArrayList<>(STEP_NAMES);
        expected.addAll(List.of("mlopsLoop", "mlopsAsk", "mlopsTell"));
        assertThat(steps.stream().map(PluginDescriptorsTest::functionName)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Each freestyle builder's symbol is the function name of the Pipeline step with the same settings. */
    @Test
    void shouldNameBuilderAndStepAlike() {
        Map<String, String> builderSymbols = new TreeMap<>();
        PluginClasses.concreteSubclassesOf(Builder.class).forEach(b -> builderSymbols.put(
                b.getSimpleName().replace("Builder", ""), DescribableChecker.symbol(b)));
        Map<String, String> stepNames = new TreeMap<>();
        PluginClasses.concreteSubclassesOf(Step.class).forEach(s -> stepNames.put(
                s.getSimpleName().replace("Step", ""), functionName(s)));
        // The study as a whole and its ask-and-tell steps are Pipeline only: freestyle keeps the single-agent loop.
        stepNames.remove("Loop");
        stepNames.remove("Ask");
        stepNames.remove("Tell");

        assertThat(builderSymbols).isEqualTo(stepNames);
    }

    /** The global configuration binds every field of its form and has help for each. */
    @Test
    void shouldBindTheGlobalConfiguration() throws Exception {
        FormChecker forms = new FormChecker(PluginClasses.resources());

        assertThat(forms.checkForm(MlopsGlobalConfiguration.class)).isEmpty();
        assertThat(forms.fields(forms.folderOf(MlopsGlobalConfiguration.class).resolve("config.jelly")))
                .contains("dockerHost", "kerasImage", "defaultTarget", "smtpCredentialsId");
    }

    /** Every {@code doCheck*}/{@code doFill*Items} endpoint serves a field that some form of the plugin has. */
    @Test
    void shouldServeOnlyExistingFields() {
        Set<String> properties = new HashSet<>(DescribableChecker.bindableProperties(MlopsGlobalConfiguration.class)
                .keySet());
        List<Class<?>> describables = new ArrayList<>(PluginClasses.concreteSubclassesOf(Builder.class));
        describables.addAll(PluginClasses.concreteSubclassesOf(Step.class));
        describables.forEach(d -> properties.addAll(DescribableChecker.bindableProperties(d).keySet()));
        List<String> problems = new ArrayList<>();
        for (Class<?> descriptor : List.of(MlopsGlobalConfiguration.class, MlopsBuilderDescriptor.class,
                MlopsStepDescriptor.class)) {
            problems.addAll(DescribableChecker.checkEndpoints(descriptor, properties));
        }

        assertThat(problems).isEmpty();
        assertThat(DescribableChecker.checkEndpoints(MlopsBuilderDescriptor.class, Set.of("url")))
                .anyMatch(p -> p.contains("doCheckTarget: no form field 'target'"))
                .anyMatch(p -> p.contains("doFillCredentialsIdItems: no form field 'credentialsId'"));
    }

    private static String functionName(final Class<?> step) {
        for (Class<?> nested : step.getDeclaredClasses()) {
            String name = DescribableChecker.functionName(nested);
            if (name != null) {
                return name;
            }
        }
        return null;
    }
}
