package io.jenkins.plugins.mlops.engine.archunit;

import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/** Shows that every architecture rule fails on classes that break it (fixtures in {@code ...archfixture.engine}). */
class ArchitectureRulesFailTest {
    private static final String FIXTURE = "io.jenkins.plugins.mlops.archfixture.engine";
    private static final JavaClasses FIXTURE_CLASSES = new ClassFileImporter().importPackages(FIXTURE);

    /** A repository opened with JGit's defaults, past WorkspaceGit, is reported. */
    @Test
    void shouldRejectRepositoriesOpenedPastWorkspaceGit() {
        assertViolated(EngineRules.repositoriesOnlyThroughWorkspaceGit(FIXTURE), "SourceOpeningGitItself");
    }

    /** A Jenkins type in the engine is reported. */
    @Test
    void shouldRejectJenkinsTypes() {
        assertViolated(EngineRules.noJenkinsTypes(FIXTURE), "RecordUsingJenkins");
    }

    /** docker-java outside the train stage is reported. */
    @Test
    void shouldRejectDockerJavaOutsideTrain() {
        assertViolated(EngineRules.dockerJavaOnlyInTrain(FIXTURE), "DetectorUsingDockerAndTrain");
    }

    /** JGit outside source/publish is reported. */
    @Test
    void shouldRejectJgitOutsideSourceAndPublish() {
        assertViolated(EngineRules.jgitOnlyInSourceAndPublish(FIXTURE), "DetectorUsingDockerAndTrain");
    }

    /** Jakarta Mail outside notify is reported. */
    @Test
    void shouldRejectMailOutsideNotify() {
        assertViolated(EngineRules.mailOnlyInNotify(FIXTURE), "DetectorUsingDockerAndTrain");
    }

    /** Two stages using each other are a cycle. */
    @Test
    void shouldRejectCycles() {
        assertViolated(EngineRules.packagesFreeOfCycles(FIXTURE), "TrainerUsingDetector");
    }

    /** The shared records using a stage break the layers. */
    @Test
    void shouldRejectRecordsUsingAStage() {
        assertViolated(EngineRules.layers(FIXTURE, true), "RecordUsingTrain");
    }

    /** A stage using another stage breaks the arrows of design.puml. */
    @Test
    void shouldRejectArrowsMissingFromTheDesign() {
        ArchRule rule = ArchRuleDefinition.classes()
                .should(adhereToPlantUmlDiagram(PackageArchitectureTest.DESIGN, consideringOnlyDependenciesInDiagram()));
        assertViolated(rule, "Trainer");
    }

    private static void assertViolated(final ArchRule rule, final String offender) {
        assertThatThrownBy(() -> rule.check(FIXTURE_CLASSES))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender);
    }
}
