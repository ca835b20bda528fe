package io.jenkins.plugins.mlops.engine.archunit;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine's layering: no Jenkins, the chain over the study over the stages without cycles, and each third-party
 * integration in exactly one stage.
 */
@AnalyzeClasses(packages = ArchitectureTest.ENGINE, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    static final String ENGINE = "io.jenkins.plugins.mlops.engine";

    @ArchTest
    static final ArchRule NO_JENKINS = EngineRules.noJenkinsTypes(ENGINE);

    @ArchTest
    static final ArchRule DOCKER_JAVA_ONLY_IN_TRAIN = EngineRules.dockerJavaOnlyInTrain(ENGINE);

    @ArchTest
    static final ArchRule JGIT_ONLY_IN_SOURCE_AND_PUBLISH = EngineRules.jgitOnlyInSourceAndPublish(ENGINE);

    @ArchTest
    static final ArchRule REPOSITORIES_ONLY_THROUGH_WORKSPACE_GIT = EngineRules.repositoriesOnlyThroughWorkspaceGit(ENGINE);

    @ArchTest
    static final ArchRule MAIL_ONLY_IN_NOTIFY = EngineRules.mailOnlyInNotify(ENGINE);

    @ArchTest
    static final ArchRule PACKAGES_FREE_OF_CYCLES = EngineRules.packagesFreeOfCycles(ENGINE);

    @ArchTest
    static final ArchRule LAYERS = EngineRules.layers(ENGINE, false);
}
