package io.jenkins.plugins.mlops.engine.archunit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

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
}
