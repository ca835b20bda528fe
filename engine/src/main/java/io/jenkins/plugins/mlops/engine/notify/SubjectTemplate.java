package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The subject line template: text with {@code {verdict}}, {@code {metric}}, {@code {target}}, ... placeholders. */
final class SubjectTemplate {
    /** The placeholders a template may use. */
    static final Set<String> PLACEHOLDERS = Set.of("verdict", "metric", "target", "best", "trials", "run");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_]+)}");

    private SubjectTemplate() {
    }

    /** {@code template} unchanged, when it is one line and uses only known placeholders. */
    static String validate(final String template) {
        Addresses.requireSingleLine(template, "The mail subject template");
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                throw MlopsException.input("The mail subject template uses the unknown placeholder {"
                        + matcher.group(1) + "}; use only {verdict}, {metric}, {target}, {best}, {trials} or {run}.");
            }
        }
        return template;
    }

    /** {@code template} with each placeholder replaced by its value; the result must still be one line. */
    static String render(final String template, final Map<String, String> values) {
        String subject = PLACEHOLDER.matcher(template).replaceAll(m -> Matcher.quoteReplacement(
                values.getOrDefault(m.group(1), m.group())));
        return Addresses.requireSingleLine(subject, "The mail subject '" + subject.replaceAll("[\r\n]+", " ") + "'");
    }
}
