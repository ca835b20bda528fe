package io.jenkins.plugins.mlops.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * plugin/pom.xml (built only with -Pjenkins) stays consistent with the engine: with strict bundled artifacts the
 * real build needs the list of what is bundled, and every library the engine uses must come from a library plugin
 * (excluded here), not be bundled a second time beside Jenkins' own copy.
 */
class PluginPomTest {
    private static final Path ROOT = Path.of("../..");

    @Test
    void shouldListWhatIsBundled() throws Exception {
        Document pom = read(ROOT.resolve("plugin/pom.xml"));

        assertThat(text(pom, "hpi.strictBundledArtifacts")).containsExactly("true");
        assertThat(text(pom, "hpi.bundledArtifacts")).containsExactly("mlops-engine");
    }

    @Test
    void shouldTakeEveryEngineLibraryFromALibraryPlugin() throws Exception {
        Document plugin = read(ROOT.resolve("plugin/pom.xml"));
        List<String> excluded = text(plugin, "exclusion").stream().map(e -> e.split("\\s+")[0]).toList();
        List<String> pluginDependencies = text(plugin, "artifactId");

        for (String group : compileGroups(read(ROOT.resolve("engine/pom.xml")))) {
            assertThat(excluded).as("engine dependency group %s bundled by the .hpi", group).contains(group);
        }
        assertThat(pluginDependencies).contains("jackson2-api", "snakeyaml-api", "git-client", "docker-java-api",
                "jakarta-mail-api");
    }

    /** The groups of the engine's compile dependencies, and what they pull in that Jenkins also ships. */
    private static List<String> compileGroups(final Document engine) {
        List<String> groups = new ArrayList<>();
        NodeList dependencies = engine.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            NodeList scope = dependency.getElementsByTagName("scope");
            if (scope.getLength() == 0 || "compile".equals(scope.item(0).getTextContent().trim())) {
                groups.add(dependency.getElementsByTagName("groupId").item(0).getTextContent().trim());
            }
        }
        // jackson-dataformat-yaml depends on SnakeYAML, which snakeyaml-api provides.
        groups.add("org.yaml");
        return groups;
    }

    private static List<String> text(final Document pom, final String tag) {
        List<String> values = new ArrayList<>();
        NodeList nodes = pom.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent().trim());
        }
        return values;
    }

    private static Document read(final Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }
}
