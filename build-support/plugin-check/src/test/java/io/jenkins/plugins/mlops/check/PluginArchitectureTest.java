package io.jenkins.plugins.mlops.check;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import jenkins.model.Jenkins;
import org.junit.jupiter.api.Test;
import org.kohsuke.stapler.verb.POST;

/** The plugin stays a thin Jenkins layer: no third-party engine libraries, one door to Jenkins and the engine. */
class PluginArchitectureTest {
    static final ArchRule NO_ENGINE_LIBRARIES = noEngineLibrariesIn(PluginClasses.PLUGIN_PACKAGE + "..");

    static final ArchRule JENKINS_ONLY_THROUGH_FACADE = noClasses().that().doNotHaveSimpleName("JenkinsFacade")
            .should().callMethod(Jenkins.class, "get")
            .because("JenkinsFacade is the only place that reaches the Jenkins singleton");

    static final ArchRule FORM_ENDPOINTS_POST = methods().that().haveNameMatching("do(Check|Fill).*")
            .should().beAnnotatedWith(POST.class)
            .because("form validation and list endpoints must not answer GET requests (CSRF, information leaks)");

    static final ArchRule ENGINE_STAGES_ONLY_THROUGH_ENGINE_CALLS = noClasses()
            .that().resideInAPackage(PluginClasses.PLUGIN_PACKAGE + "..")
            .and().haveNameNotMatching(".*\\.EngineCalls(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("..engine.source..", "..engine.detect..",
                    "..engine.train..", "..engine.gate..", "..engine.tune..", "..engine.rewrite..",
                    "..engine.notify..", "..engine.publish..", "..engine.study..", "..engine.pipeline..")
            .because("EngineCalls is the one file that wires the plugin to the engine's stages");

    /** Classes of {@code packageName} must not use docker-java, JGit or Jakarta Mail. */
    static ArchRule noEngineLibrariesIn(final String packageName) {
        return noClasses().that().resideInAPackage(packageName)
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..", "org.eclipse.jgit..",
                        "jakarta.mail..")
                .because("Docker, git and mail belong to the engine stages; the plugin only calls them");
    }

    /**
     * The plugin's packages ({@code steps}, {@code config}, {@code ui}) use each other one way only: steps build on
     * config and ui, config on ui. The root package is a slice like them, so a class there cannot close a circle
     * unseen (it held the classes whose names Jenkins stores until they moved to where they belong).
     */
    static ArchRule packagesFreeOfCycles(final String root) {
        return slices().assignedFrom(new FirstPackageBelow(root)).should().beFreeOfCycles()
                .because("a newcomer reads steps, config and ui one at a time (see their package-info.java)");
    }

    /** Nothing lives in the root package: each class has its place in steps, config or ui. */
    static ArchRule rootPackageEmpty(final String root) {
        return noClasses().should().resideInAPackage(root)
                .because("the plugin's classes live in steps, config and ui (CONTRIBUTING.md)");
    }

    /** Plugin classes do not use docker-java, JGit or Jakarta Mail. */
    @Test
    void shouldNotUseEngineLibraries() {
        NO_ENGINE_LIBRARIES.check(PluginClasses.imported());
    }

    /** Only JenkinsFacade calls {@code Jenkins.get()}. */
    @Test
    void shouldReachJenkinsOnlyThroughTheFacade() {
        JENKINS_ONLY_THROUGH_FACADE.check(PluginClasses.imported());
    }

    /** Every {@code doCheck*}/{@code doFill*} endpoint is {@code @POST}. */
    @Test
    void shouldGuardFormEndpointsWithPost() {
        FORM_ENDPOINTS_POST.check(PluginClasses.imported());
    }

    /** Only EngineCalls calls the engine's stage packages. */
    @Test
    void shouldCallEngineStagesOnlyFromEngineCalls() {
        ENGINE_STAGES_ONLY_THROUGH_ENGINE_CALLS.check(PluginClasses.imported());
    }

    /** steps, config, ui and the root package do not use each other in a circle. */
    @Test
    void shouldKeepThePluginPackagesFreeOfCycles() {
        packagesFreeOfCycles(PluginClasses.PLUGIN_PACKAGE).check(PluginClasses.imported());
    }

    /** The root package holds no class. */
    @Test
    void shouldKeepTheRootPackageEmpty() {
        rootPackageEmpty(PluginClasses.PLUGIN_PACKAGE).check(PluginClasses.imported());
    }

    /** A class's slice: the first package below {@code root}, or the root package itself. */
    private static final class FirstPackageBelow implements SliceAssignment {
        private final String root;

        FirstPackageBelow(final String root) {
            this.root = root;
        }

        @Override
        public SliceIdentifier getIdentifierOf(final JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(root)) {
                return SliceIdentifier.of("(root)");
            }
            if (name.startsWith(root + ".")) {
                return SliceIdentifier.of(name.substring(root.length() + 1).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the packages of " + root + " and the root itself";
        }
    }
}
