package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.tasks.Builder;
import java.util.ArrayList;
import java.util.List;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.junit.jupiter.api.Test;

/** The plugin's forms and views: every field binds and has help, every Jelly file is safe. */
class PluginFormsTest {
    private final FormChecker forms = new FormChecker(PluginClasses.resources());

    /** Every builder and step form field matches a data-bound property with a getter and a help file. */
    @Test
    void shouldBindEveryFormField() throws Exception {
        List<Class<?>> describables = new ArrayList<>(PluginClasses.concreteSubclassesOf(Builder.class));
        describables.addAll(PluginClasses.concreteSubclassesOf(Step.class));
        List<String> problems = new ArrayList<>();
        for (Class<?> describable : describables) {
            problems.addAll(forms.checkForm(describable));
        }

        assertThat(describables).hasSize(17);
        assertThat(problems).isEmpty();
    }

    /** Every Jelly file of the plugin is well-formed and escapes by default. */
    @Test
    void shouldWriteEveryJellySafely() throws Exception {
        assertThat(forms.checkAllJelly()).isEmpty();
    }
}
