package io.jenkins.plugins.mlops.engine.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering rules, parameterised by the root package so that the same rules run against the engine
 * and, in {@link ArchitectureRulesFailTest}, against fixture classes that break them.
 */
final class EngineRules {
    private EngineRules() {
    }

    static ArchRule noJenkinsTypes(final String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke..",
                        "org.jenkinsci..")
                .because("the engine is a plain library that the CLI uses without Jenkins");
    }

    static ArchRule dockerJavaOnlyInTrain(final String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".train..")
                .should().dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .because("the train stage is the one place that talks to Docker");
    }

    static ArchRule jgitOnlyInSourceAndPublish(final String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().resideOutsideOfPackages(root + ".source..", root + ".publish..")
                .should().dependOnClassesThat().resideInAPackage("org.eclipse.jgit..")
                .because("only the source and publish stages talk to git");
    }

    /** JGit's own ways to open or create a repository, which use the repository's hooks and configuration. */
    private static final DescribedPredicate<JavaAccess<?>> OPENS_A_REPOSITORY = DescribedPredicate.describe(
            "opens a repository with JGit's defaults", access -> {
                JavaClass owner = access.getTarget().getOwner();
                String name = access.getTarget().getName();
                if (owner.isAssignableTo("org.eclipse.jgit.api.Git")) {
                    return name.matches("open|wrap|init|cloneRepository");
                }
                return name.equals("<init>") && (owner.isAssignableTo("org.eclipse.jgit.lib.BaseRepositoryBuilder")
                        || owner.isAssignableTo("org.eclipse.jgit.internal.storage.file.FileRepository"));
            });

    static ArchRule repositoriesOnlyThroughWorkspaceGit(final String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .and().doNotHaveSimpleName("WorkspaceGit").and().doNotHaveSimpleName("ToolRepository")
                .should().accessTargetWhere(OPENS_A_REPOSITORY)
                .because("WorkspaceGit opens every repository with hooks off and a configuration the tool controls "
                        + "(issue 13.1)");
    }

    static ArchRule mailOnlyInNotify(final String root) {
        return noClasses().that().resideInAPackage(root + "..").and().resideOutsideOfPackage(root + ".notify..")
                .should().dependOnClassesThat().resideInAPackage("jakarta.mail..")
                .because("the notify stage is the one place that sends mail");
    }

    /** No package of the engine reaches back to one that reaches it. */
    static ArchRule packagesFreeOfCycles(final String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .because("a cycle would make the chain, the study and the stages one tangle (design.puml)");
    }

    /**
     * The chain (pipeline) over the study over the stages over the shared records and helpers: each layer uses only
     * the layers below it. Which stage may use which is design.puml's business. {@code optional} lets a layer have no
     * classes (the fixtures have only some).
     */
    static ArchRule layers(final String root, final boolean optional) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(optional)
                .layer("Chain").definedBy(root + ".pipeline..")
                .layer("Study").definedBy(root + ".study..")
                .layer("Stages").definedBy(root + ".config..", root + ".source..", root + ".detect..",
                        root + ".train..", root + ".gate..", root + ".tune..", root + ".rewrite..",
                        root + ".notify..", root + ".publish..", root + ".report..")
                .layer("Python").definedBy(root + ".python..")
                .layer("Records").definedBy(root + ".model..")
                .layer("Helpers").definedBy(root + ".util..")
                .whereLayer("Chain").mayNotBeAccessedByAnyLayer()
                .whereLayer("Study").mayOnlyBeAccessedByLayers("Chain")
                .whereLayer("Stages").mayOnlyBeAccessedByLayers("Chain", "Study")
                .whereLayer("Python").mayOnlyBeAccessedByLayers("Stages")
                .whereLayer("Records").mayOnlyBeAccessedByLayers("Chain", "Study", "Stages")
                .because("front ends call the chain or the study, which combine the stages; stages share only the "
                        + "records and helpers below them");
    }
}
