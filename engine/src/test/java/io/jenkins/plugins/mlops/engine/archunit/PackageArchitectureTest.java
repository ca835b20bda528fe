package io.jenkins.plugins.mlops.engine.archunit;

import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.Configuration.consideringOnlyDependenciesInDiagram;
import static com.tngtech.archunit.library.plantuml.rules.PlantUmlArchCondition.adhereToPlantUmlDiagram;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.net.URL;

/** The engine's packages depend on each other only along the arrows of {@code design.puml}. */
@AnalyzeClasses(packages = ArchitectureTest.ENGINE, importOptions = ImportOption.DoNotIncludeTests.class)
class PackageArchitectureTest {
    static final URL DESIGN = PackageArchitectureTest.class.getResource("/design.puml");

    @ArchTest
    static final ArchRule ADHERES_TO_DESIGN = ArchRuleDefinition.classes()
            .should(adhereToPlantUmlDiagram(DESIGN, consideringOnlyDependenciesInDiagram()))
            .because("stages share only model/util; only the pipeline combines stages (see design.puml)");
}
