package io.jenkins.plugins.mlops.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What Stapler and Jelly would reject or silently get wrong in a plugin's views: Jelly files that are not
 * well-formed or not escape-by-default, {@code field=} attributes no property binds, and fields without help.
 * Resources are read from a folder laid out as {@code src/main/resources} (one folder per class, by FQN).
 */
final class FormChecker {
    private static final String ESCAPE_BY_DEFAULT = "<?jelly escape-by-default='true'?>";

    private final Path resources;

    FormChecker(final Path resources) {
        this.resources = resources;
    }

    /** Every Jelly file under the resources: well-formed XML that starts with escape-by-default. */
    List<String> checkAllJelly() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(resources)) {
            for (Path jelly : files.filter(p -> p.toString().endsWith(".jelly")).sorted().toList()) {
                problems.addAll(checkJelly(jelly));
            }
        }
        return problems;
    }

    /** One Jelly file. */
    List<String> checkJelly(final Path jelly) throws IOException {
        List<String> problems = new ArrayList<>();
        String text = Files.readString(jelly, StandardCharsets.UTF_8);
        if (!text.startsWith(ESCAPE_BY_DEFAULT)) {
            problems.add(resources.relativize(jelly) + ": does not start with " + ESCAPE_BY_DEFAULT
                    + ", so ${...} output is not HTML-escaped (XSS)");
        }
        try {
            parse(jelly);
        }
        catch (SAXException e) {
            problems.add(resources.relativize(jelly) + ": not well-formed XML: " + e.getMessage());
        }
        return problems;
    }

    /**
     * The form of {@code describable} ({@code config.jelly} in its folder): every {@code field=} binds to a
     * property of the class and has a help file in the class's folder; every bindable property is on the form.
     */
    List<String> checkForm(final Class<?> describable) throws IOException {
        List<String> problems = new ArrayList<>();
        Path folder = folderOf(describable);
        Path config = folder.resolve("config.jelly");
        if (!Files.isRegularFile(config)) {
            problems.add(describable.getName() + ": no " + resources.relativize(config));
            return problems;
        }
        Set<String> fields;
        try {
            fields = fields(config);
        }
        catch (SAXException e) {
            problems.add(resources.relativize(config) + ": not well-formed XML: " + e.getMessage());
            return problems;
        }
        Map<String, Class<?>> properties = DescribableChecker.bindableProperties(describable);
        for (String field : fields) {
            if (!properties.containsKey(field)) {
                problems.add(describable.getName() + ": form field '" + field
                        + "' matches no @DataBoundConstructor parameter or @DataBoundSetter");
            }
            else if (DescribableChecker.getter(describable, field, properties.get(field)).isEmpty()) {
                problems.add(describable.getName() + ": form field '" + field + "' has no getter");
            }
            if (!Files.isRegularFile(folder.resolve("help-" + field + ".html"))
                    && !Files.isRegularFile(folder.resolve("help-" + field + ".jelly"))) {
                problems.add(describable.getName() + ": form field '" + field + "' has no "
                        + resources.relativize(folder.resolve("help-" + field + ".html")));
            }
        }
        for (Map.Entry<String, Class<?>> property : properties.entrySet()) {
            // An Object property takes a value only a script has (the maps mlopsAsk and mlopsTrain return): no form
            // field can enter it, so the snippet generator leaves it to the script.
            if (!fields.contains(property.getKey()) && property.getValue() != Object.class) {
                problems.add(describable.getName() + ": property '" + property.getKey() + "' is not on the form "
                        + resources.relativize(config));
            }
        }
        return problems;
    }

    /** The {@code field=} values of a Jelly page, following {@code st:include class="..."} of other forms. */
    Set<String> fields(final Path jelly) throws IOException, SAXException {
        Set<String> fields = new LinkedHashSet<>();
        Document document = parse(jelly);
        NodeList all = document.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttribute("field")) {
                fields.add(element.getAttribute("field"));
            }
            if ("st:include".equals(element.getTagName()) && element.hasAttribute("class")) {
                String page = element.getAttribute("page");
                Path included = resources.resolve(element.getAttribute("class").replace('.', '/').replace('$', '/'))
                        .resolve(page);
                if (!Files.isRegularFile(included)) {
                    throw new SAXException(jelly + " includes the missing page " + included);
                }
                fields.addAll(fields(included));
            }
        }
        return fields;
    }

    Path folderOf(final Class<?> type) {
        return resources.resolve(type.getName().replace('.', '/').replace('$', '/'));
    }

    private static Document parse(final Path jelly) throws IOException, SAXException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void fatalError(final SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder.parse(jelly.toFile());
        }
        catch (ParserConfigurationException e) {
            throw new IllegalStateException("No XML parser available", e);
        }
    }
}
