package io.jenkins.plugins.mlops.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the user-facing examples against the steps that exist: every {@code mlopsXxx} call of a Jenkinsfile names
 * a step and uses only its parameters; every builder element of a freestyle config.xml is a builder class and
 * holds only its properties.
 */
final class ExampleChecker {
    private static final Pattern STEP_CALL = Pattern.compile("\\b(mlops[A-Z]\\w*)\\b(.*)");
    private static final Pattern NAMED_ARGUMENT = Pattern.compile("(\\w+)\\s*:\\s*(?:'|\"|\\d|true|false)");
    private static final String BUILDER_PACKAGE = "io.jenkins.plugins.mlops.";

    private final Map<String, Class<?>> steps;

    /** @param steps the Pipeline steps by function name */
    ExampleChecker(final Map<String, Class<?>> steps) {
        this.steps = steps;
    }

    /** The problems of a Jenkinsfile: unknown steps and parameters. */
    List<String> checkJenkinsfile(final Path jenkinsfile) throws IOException {
        List<String> problems = new ArrayList<>();
        String text = Files.readString(jenkinsfile, StandardCharsets.UTF_8).replaceAll(",\\s*\\n\\s*", ", ");
        int line = 0;
        for (String code : text.split("\n")) {
            line++;
            String withoutComment = code.replaceAll("(^|\\s)//.*", "");
            Matcher call = STEP_CALL.matcher(withoutComment);
            if (!call.find()) {
                continue;
            }
            Class<?> step = steps.get(call.group(1));
            if (step == null) {
                problems.add(jenkinsfile.getFileName() + ":" + line + ": no step " + call.group(1));
                continue;
            }
            Matcher argument = NAMED_ARGUMENT.matcher(call.group(2));
            while (argument.find()) {
                if (!DescribableChecker.bindableProperties(step).containsKey(argument.group(1))) {
                    problems.add(jenkinsfile.getFileName() + ":" + line + ": " + call.group(1)
                            + " has no parameter " + argument.group(1));
                }
            }
        }
        return problems;
    }

    /** The problems of a freestyle job's config.xml: unknown builder classes and properties. */
    List<String> checkFreestyleJob(final Path configXml) throws Exception {
        List<String> problems = new ArrayList<>();
        NodeList builders = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(configXml.toFile())
                .getElementsByTagName("builders");
        for (int b = 0; b < builders.getLength(); b++) {
            for (Node node = builders.item(b).getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element builder && builder.getTagName().startsWith(BUILDER_PACKAGE)) {
                    problems.addAll(checkBuilderElement(configXml, builder));
                }
            }
        }
        return problems;
    }

    private static List<String> checkBuilderElement(final Path configXml, final Element builder) {
        List<String> problems = new ArrayList<>();
        Class<?> type;
        try {
            type = Class.forName(builder.getTagName());
        }
        catch (ClassNotFoundException e) {
            problems.add(configXml.getFileName() + ": no builder class " + builder.getTagName());
            return problems;
        }
        Map<String, Class<?>> properties = DescribableChecker.bindableProperties(type);
        for (Node child = builder.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element field && !properties.containsKey(field.getTagName())) {
                problems.add(configXml.getFileName() + ": " + type.getSimpleName() + " has no property "
                        + field.getTagName());
            }
        }
        return problems;
    }
}
