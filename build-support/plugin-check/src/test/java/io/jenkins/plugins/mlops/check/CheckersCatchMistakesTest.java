package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.jenkins.plugins.mlops.check.fixtures.ArchitectureViolations;
import io.jenkins.plugins.mlops.check.fixtures.LeakyCallable;
import io.jenkins.plugins.mlops.check.fixtures.MisboundBuilder;
import io.jenkins.plugins.mlops.check.fixtures.NamelessStep;
import io.jenkins.plugins.mlops.check.fixtures.UnregisteredBuilder;
import io.jenkins.plugins.mlops.check.fixtures.cycle.CycleRoot;
import io.jenkins.plugins.mlops.check.fixtures.cycle.a.CycleA;
import io.jenkins.plugins.mlops.check.fixtures.cycle.b.CycleB;
import io.jenkins.plugins.mlops.check.fixtures.cycle.c.CycleC;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every check of this module fails on a deliberately wrong fixture, so a green build means something. */
class CheckersCatchMistakesTest {
    private final FormChecker forms = new FormChecker(fixtureResources());

    /** A builder descriptor without {@code @Extension} and {@code @Symbol}, and a setting without getter, fail. */
    @Test
    void shouldReportAnUnregisteredBuilder() {
        assertThat(DescribableChecker.checkBuilder(UnregisteredBuilder.class))
                .anyMatch(p -> p.contains("no @Extension"))
                .anyMatch(p -> p.contains("no @Symbol"))
                .anyMatch(p -> p.contains("property 'url' has no public getter"));
    }

    /** A step with a blank function name and a non-public data-bound constructor fails. */
    @Test
    void shouldReportANamelessStep() {
        assertThat(DescribableChecker.checkStep(NamelessStep.class))
                .anyMatch(p -> p.contains("no usable function name"))
                .anyMatch(p -> p.contains("must be public"));
    }

    /** A form field nothing binds, a field without help and a property missing from the form fail. */
    @Test
    void shouldReportAMisboundForm() throws Exception {
        assertThat(forms.checkForm(MisboundBuilder.class))
                .anyMatch(p -> p.contains("form field 'branch' matches no @DataBoundConstructor"))
                .anyMatch(p -> p.contains("form field 'url' has no") && p.contains("help-url.html"))
                .anyMatch(p -> p.contains("property 'timeout' is not on the form"))
                .noneMatch(p -> p.contains("'branch' has no"));
    }

    /** Jelly that is not well-formed or does not escape by default fails. */
    @Test
    void shouldReportUnsafeJelly() throws Exception {
        assertThat(forms.checkAllJelly())
                .anyMatch(p -> p.contains("broken.jelly: not well-formed"))
                .anyMatch(p -> p.contains("unescaped.jelly: does not start with"))
                .noneMatch(p -> p.contains("MisboundBuilder"));
    }

    /** A callable with a non-serialisable field and an engine class missing from the ClassFilter fails. */
    @Test
    void shouldReportALeakyCallable() {
        RemotingChecker checker = new RemotingChecker("io.jenkins.plugins.mlops.engine.", Set.of(), Set.of());

        assertThat(checker.check(LeakyCallable.class))
                .anyMatch(p -> p.contains("java.lang.Thread is not Serializable"))
                .anyMatch(p -> p.contains("engine.model.Objective is missing from META-INF/hudson.remoting.ClassFilter"));
    }

    /** Listing the engine class and not sending the thread makes the same checker pass. */
    @Test
    void shouldAcceptWhatTheClassFilterLists() {
        RemotingChecker checker = new RemotingChecker("io.jenkins.plugins.mlops.engine.",
                Set.of("io.jenkins.plugins.mlops.engine.model.Objective", "io.jenkins.plugins.mlops.engine.model.Direction"),
                Set.of(LeakyCallable.class.getName() + "#worker"));

        assertThat(checker.check(LeakyCallable.class)).isEmpty();
    }

    /** Calling {@code Jenkins.get()}, using JGit and a GET form endpoint each break an architecture rule. */
    @Test
    void shouldReportArchitectureViolations() {
        JavaClasses fixture = new ClassFileImporter().importClasses(ArchitectureViolations.class);

        assertThat(PluginArchitectureTest.JENKINS_ONLY_THROUGH_FACADE.evaluate(fixture).hasViolation()).isTrue();
        assertThat(PluginArchitectureTest.FORM_ENDPOINTS_POST.evaluate(fixture).hasViolation()).isTrue();
        assertThat(PluginArchitectureTest.noEngineLibrariesIn(ArchitectureViolations.class.getPackageName())
                .evaluate(fixture).hasViolation()).isTrue();
    }

    /** Two plugin packages using each other are a cycle. */
    @Test
    void shouldReportPackageCycles() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CycleA.class, CycleB.class);

        assertThat(PluginArchitectureTest.packagesFreeOfCycles("io.jenkins.plugins.mlops.check.fixtures.cycle")
                .evaluate(fixture).hasViolation()).isTrue();
    }

    /**
     * The root package and a package below it using each other are a cycle too (the rule once left the root out),
     * and a class in the root package breaks the rule that it stays empty.
     */
    @Test
    void shouldReportCyclesThroughTheRootPackage() {
        JavaClasses fixture = new ClassFileImporter().importClasses(CycleRoot.class, CycleC.class);
        String root = CycleRoot.class.getPackageName();

        assertThat(PluginArchitectureTest.packagesFreeOfCycles(root).evaluate(fixture).hasViolation()).isTrue();
        assertThat(PluginArchitectureTest.rootPackageEmpty(root).evaluate(fixture).hasViolation()).isTrue();
        assertThat(PluginArchitectureTest.rootPackageEmpty(root)
                .evaluate(new ClassFileImporter().importClasses(CycleA.class, CycleB.class)).hasViolation()).isFalse();
    }

    private static Path fixtureResources() {
        try {
            return Path.of(CheckersCatchMistakesTest.class.getResource("/fixture-resources").toURI());
        }
        catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
