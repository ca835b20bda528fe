package io.jenkins.plugins.mlops.engine.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.jenkins.plugins.mlops.engine.util.MetricFormat;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trained model's metric from the documented places, in this order; the first place that names the metric
 * decides (a broken value there is {@link MetricReading.Status#INVALID}, not a reason to look further):
 * <ol>
 *     <li>{@code metrics.json} in the workspace, the metric's key ({@code {"accuracy": 0.93, "loss": 0.21}});
 *     a file without that key is skipped;</li>
 *     <li>the metric text file ({@link GateSpec#metricFile()}, {@code accuracy.txt} by default): one value, a
 *     per-epoch list, or lines {@code accuracy: 0.93};</li>
 *     <li>stdout lines {@code MLOPS_METRIC accuracy=0.93} (the last one counts).</li>
 * </ol>
 * Values are understood as {@link MetricValues} describes (percentages, numpy scalars, lists). What was read, and how
 * it was interpreted, goes to the log.
 */
public final class MetricReader {
    /** The JSON metrics file, relative to the workspace. */
    public static final String METRICS_JSON = "metrics.json";
    /** The stdout marker of a metric line. */
    public static final String STDOUT_MARKER = "MLOPS_METRIC";

    /**
     * Added to the stdout lines by the tool (never taken from a script's output) when the output was not read to its
     * end: a later metric line may be missing, so no verdict can be trusted.
     */
    public static final String INCOMPLETE_OUTPUT = "MLOPS_OUTPUT_INCOMPLETE";

    private static final String STDOUT = "stdout";
    /** Metric files may be whole training logs (output.txt); anything larger is not a metric file. */
    private static final long MAX_BYTES = 16L * 1024 * 1024;
    private static final Pattern STDOUT_LINE = Pattern.compile(
            "\\s*" + STDOUT_MARKER + "\\s+([\\w.\\-/]+)\\s*=\\s*(.*)");
    /** Python's json.dump writes NaN and Infinity; they must reach the range check, not fail as broken JSON. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .build();

    /** Reads {@code spec}'s metric from {@code workspace} and {@code stdoutLines}, logging what it found. */
    public MetricReading read(final Path workspace, final List<String> stdoutLines, final GateSpec spec,
            final RunLog log) {
        MetricReading reading = readFirst(workspace, stdoutLines == null ? List.of() : stdoutLines, spec);
        switch (reading.status()) {
            case FOUND -> log.info("%s: %s = %s%s", reading.source(), spec.metric(),
                    MetricFormat.format(reading.value()),
                    reading.detail().isEmpty() ? "" : " (" + reading.detail() + ")");
            case INVALID -> log.error("%s: %s", reading.source(), reading.detail());
            case MISSING -> log.error("%s", reading.detail());
        }
        return reading;
    }

    private MetricReading readFirst(final Path workspace, final List<String> stdoutLines, final GateSpec spec) {
        if (stdoutLines.contains(INCOMPLETE_OUTPUT)) {
            return MetricReading.invalid(STDOUT, "the training's output was not read to its end (the log stream "
                    + "stayed silent and did not end), so a later " + spec.metric() + " may be missing; train "
                    + "again, and print less or write the metric to " + METRICS_JSON);
        }
        List<String> searched = new ArrayList<>();
        Path json = workspace.resolve(METRICS_JSON);
        if (Files.exists(json, LinkOption.NOFOLLOW_LINKS)) {
            MetricReading unusable = unusable(workspace, json, METRICS_JSON);
            if (unusable != null) {
                return unusable;
            }
            MetricReading fromJson = fromJson(json, spec, searched);
            if (fromJson != null) {
                return fromJson;
            }
        }
        else {
            searched.add("no " + METRICS_JSON);
        }
        Path text = insideWorkspace(workspace, spec.metricFile());
        if (Files.exists(text, LinkOption.NOFOLLOW_LINKS)) {
            MetricReading unusable = unusable(workspace, text, spec.metricFile());
            if (unusable != null) {
                return unusable;
            }
            String content = readString(text);
            return judge(spec.metricFile(), content, () -> MetricText.find(content, spec.metric()), spec);
        }
        searched.add("no " + spec.metricFile());
        MetricReading fromStdout = fromStdout(stdoutLines, spec);
        if (fromStdout != null) {
            return fromStdout;
        }
        searched.add("no '" + STDOUT_MARKER + " " + spec.metric() + "=' line on stdout");
        return MetricReading.missing("No " + spec.metric() + " found (" + String.join(", ", searched)
                + "); make the training script write " + METRICS_JSON + " {\"" + spec.metric() + "\": 0.93}, "
                + spec.metricFile() + " or print '" + STDOUT_MARKER + " " + spec.metric() + "=0.93'.");
    }

    /** The reading from metrics.json, or {@code null} when it does not name the metric (then the next place counts). */
    private static MetricReading fromJson(final Path json, final GateSpec spec, final List<String> searched) {
        String content = readString(json);
        JsonNode root;
        try {
            root = JSON.readTree(content);
        }
        catch (JsonProcessingException e) {
            return MetricReading.invalid(METRICS_JSON, METRICS_JSON + " is not valid JSON (" + e.getOriginalMessage()
                    + "); content " + MetricText.excerpt(content));
        }
        if (root == null || !root.isObject()) {
            return MetricReading.invalid(METRICS_JSON, METRICS_JSON + " must hold an object like {\"" + spec.metric()
                    + "\": 0.93}; content " + MetricText.excerpt(content));
        }
        JsonNode node = field(root, spec.metric());
        if (node == null) {
            List<String> keys = new ArrayList<>();
            root.fieldNames().forEachRemaining(keys::add);
            searched.add(METRICS_JSON + " has no \"" + spec.metric() + "\" (keys: " + String.join(", ", keys) + ")");
            return null;
        }
        return judge(METRICS_JSON, node.toString(), () -> written(node), spec);
    }

    private static MetricValues.Written written(final JsonNode node) throws InvalidMetricException {
        if (node.isNumber()) {
            return new MetricValues.Written(node.doubleValue(), false, "");
        }
        if (node.isTextual()) {
            return MetricValues.parse(node.textValue());
        }
        if (node.isArray() || node.isNull() || node.isBoolean()) {
            return MetricValues.parse(node.toString());
        }
        throw new InvalidMetricException("the value must be a number, not "
                + node.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private static JsonNode field(final JsonNode root, final String metric) {
        if (root.has(metric)) {
            return root.get(metric);
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(metric)) {
                return field.getValue();
            }
        }
        return null;
    }

    private static MetricReading fromStdout(final List<String> lines, final GateSpec spec) {
        List<String> values = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = STDOUT_LINE.matcher(line);
            if (matcher.matches() && matcher.group(1).equalsIgnoreCase(spec.metric())) {
                values.add(matcher.group(2));
            }
        }
        if (values.isEmpty()) {
            return null;
        }
        String last = values.get(values.size() - 1);
        String many = values.size() > 1 ? values.size() + " " + STDOUT_MARKER + " lines; the last one counts" : "";
        return judge(STDOUT, last, () -> {
            MetricValues.Written written = MetricValues.parse(last);
            return many.isEmpty() ? written : new MetricValues.Written(written.number(), written.percent(),
                    written.note().isEmpty() ? many : written.note() + "; " + many);
        }, spec);
    }

    private static MetricReading judge(final String source, final String content, final Extraction extraction,
            final GateSpec spec) {
        try {
            MetricValues.Written value = MetricValues.normalise(extraction.get(), spec.metric(), spec.isFraction());
            return MetricReading.found(value.number(), source, value.note());
        }
        catch (InvalidMetricException e) {
            return MetricReading.invalid(source, source + " does not hold a valid " + spec.metric() + ": "
                    + e.getMessage() + "; content " + MetricText.excerpt(content));
        }
    }

    /** The metric file's path; its name comes from mlops.yml of an unreviewed repository, so it must stay inside. */
    private static Path insideWorkspace(final Path workspace, final String name) {
        Path root = workspace.toAbsolutePath().normalize();
        Path file = root.resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !file.startsWith(root)) {
            throw MlopsException.input("The metric file '" + name + "' is outside the workspace; give a path "
                    + "relative to the repository, like accuracy.txt or results/metrics.txt.");
        }
        return file;
    }

    /**
     * An INVALID reading when {@code file} (which exists under the metric file's name) cannot be the metric file: a
     * symbolic link out of the workspace (training code could otherwise make the gate print excerpts of files on the
     * machine, keys or passwords, into the build log), or no regular file (a folder, a FIFO that would block the
     * reading, a device that never ends). It was named where the metric belongs, so it is never skipped silently.
     */
    private static MetricReading unusable(final Path workspace, final Path file, final String name) {
        try {
            if (!file.toRealPath().startsWith(workspace.toRealPath())) {
                return MetricReading.invalid(name, name + " is a link to a file outside the workspace; the gate reads "
                        + "only files inside it. Write the metric into the file itself.");
            }
        }
        catch (IOException e) {
            return MetricReading.invalid(name, name + " cannot be read: " + e.getMessage());
        }
        if (!Files.isRegularFile(file)) {
            return MetricReading.invalid(name, name + " is not a regular file (a folder, FIFO or device); write the "
                    + "metric into a plain file.");
        }
        return null;
    }

    private static String readString(final Path file) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw MlopsException.input("The metric file " + file.getFileName() + " is larger than "
                        + MAX_BYTES / (1024 * 1024) + " MiB; write the metric into a small file of its own.");
            }
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw MlopsException.input("Cannot read the metric file " + file + ": " + e.getMessage()
                    + ". Check the file's permissions.");
        }
    }

    /** Extracts the value as written; may find it invalid. */
    @FunctionalInterface
    private interface Extraction {
        MetricValues.Written get() throws InvalidMetricException;
    }
}
