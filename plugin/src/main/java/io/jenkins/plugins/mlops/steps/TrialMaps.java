package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import io.jenkins.plugins.mlops.engine.model.Direction;
import io.jenkins.plugins.mlops.engine.model.GateResult;
import io.jenkins.plugins.mlops.engine.model.ModelLocation;
import io.jenkins.plugins.mlops.engine.model.TrialLease;
import io.jenkins.plugins.mlops.engine.model.TrialReport;
import io.jenkins.plugins.mlops.engine.model.TrialSpec;
import io.jenkins.plugins.mlops.engine.model.TrialState;
import io.jenkins.plugins.mlops.engine.model.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Asked trials, their results and the study's status as the maps Pipeline scripts hold between mlopsAsk, mlopsTrain
 * and mlopsTell: plain strings, numbers, lists and maps, so they pass the sandbox, survive a controller restart with
 * the program, and cross to any agent by value.
 */
final class TrialMaps {
    private TrialMaps() {
    }

    /** The asked trials: {@code trial}, {@code change}, {@code params}, and what training needs. */
    static List<LinkedHashMap<String, Object>> specs(final List<TrialSpec> specs) {
        List<LinkedHashMap<String, Object>> maps = new ArrayList<>();
        for (TrialSpec spec : specs) {
            LinkedHashMap<String, Object> map = new LinkedHashMap<>();
            map.put("trial", spec.number());
            map.put("change", spec.change());
            map.put("params", plain(spec.params()));
            map.put("runId", spec.chainId());
            map.put("entry", spec.entry());
            map.put("image", spec.image());
            map.put("source", spec.source());
            map.put("diff", spec.diff());
            map.put("leaseExpiresAt", spec.lease() == null ? null : spec.lease().expiresAt());
            maps.add(map);
        }
        return maps;
    }

    /** The asked trial a script passes to mlopsTrain(trial: t). */
    static TrialSpec spec(final Object value) throws AbortException {
        Map<?, ?> map = map(value, "trial", "a trial map from mlopsAsk");
        String expires = text(map, "leaseExpiresAt");
        return new TrialSpec(text(map, "runId"), number(map, "trial").intValue(), required(map, "entry"),
                text(map, "image"), params(map.get("params")), text(map, "source"), text(map, "diff"),
                text(map, "change"), expires == null ? null : new TrialLease(null, expires));
    }

    /** A trial's result: {@code trial}, {@code state}, {@code metric}, where its model files are, the gate's word. */
    static LinkedHashMap<String, Object> report(final TrialReport report) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("trial", report.number());
        map.put("state", report.state().name());
        map.put("metric", report.metric());
        map.put("durationMillis", report.durationMillis());
        map.put("imageDigest", report.imageDigest());
        map.put("message", report.message());
        GateResult gate = report.gate();
        map.put("verdict", gate == null ? null : gate.verdict().name());
        map.put("gateMetric", gate == null ? null : gate.metric());
        map.put("gateValue", gate == null ? null : gate.value());
        map.put("target", gate == null ? null : gate.target());
        map.put("direction", gate == null ? null : gate.direction().name());
        map.put("reason", gate == null ? null : gate.reason());
        putLocation(map, report.modelLocation());
        return map;
    }

    /** The result a script passes to mlopsTell, as mlopsTrain returned it. */
    static TrialReport report(final Object value) throws AbortException {
        Map<?, ?> map = map(value, "results", "the map mlopsTrain(trial: t) returned");
        GateResult gate = map.get("verdict") == null ? null : new GateResult(
                Verdict.valueOf(required(map, "verdict")), text(map, "gateMetric"), decimal(map, "gateValue"),
                number(map, "target").doubleValue(), Direction.valueOf(required(map, "direction")),
                text(map, "reason"));
        String folder = text(map, "folder");
        ModelLocation location = folder == null ? null
                : new ModelLocation(text(map, "worker"), folder, strings(map.get("files")));
        return new TrialReport(number(map, "trial").intValue(),
                TrialState.valueOf(required(map, "state").toUpperCase(Locale.ROOT)), decimal(map, "metric"),
                map.get("durationMillis") == null ? 0 : number(map, "durationMillis").longValue(),
                text(map, "imageDigest"), text(map, "message"), gate, location);
    }

    static void putLocation(final Map<String, Object> map, final ModelLocation location) {
        map.put("worker", location == null ? null : location.worker());
        map.put("folder", location == null ? null : location.folder());
        map.put("files", location == null ? new ArrayList<String>() : new ArrayList<>(location.files()));
    }

    /** Sampled values are numbers, booleans or strings; anything else travels as its text. */
    private static LinkedHashMap<String, Object> plain(final Map<String, Object> params) {
        LinkedHashMap<String, Object> plain = new LinkedHashMap<>();
        params.forEach((name, value) -> plain.put(name, value instanceof Number || value instanceof Boolean
                || value instanceof String ? value : String.valueOf(value)));
        return plain;
    }

    private static Map<String, Object> params(final Object value) throws AbortException {
        Map<String, Object> params = new LinkedHashMap<>();
        if (value == null) {
            return params;
        }
        for (Map.Entry<?, ?> entry : map(value, "trial.params", "a map of parameters").entrySet()) {
            Object v = entry.getValue();
            params.put(String.valueOf(entry.getKey()), v instanceof Number || v instanceof Boolean ? v
                    : v == null ? null : v.toString());
        }
        return params;
    }

    private static Map<?, ?> map(final Object value, final String parameter, final String expected)
            throws AbortException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new AbortException(parameter + " must be " + expected + ", not " + (value == null ? "null"
                : value.getClass().getSimpleName()));
    }

    private static String text(final Map<?, ?> map, final String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static String required(final Map<?, ?> map, final String key) throws AbortException {
        String value = text(map, key);
        if (value == null || value.isBlank()) {
            throw new AbortException("The map has no '" + key + "'; pass the maps mlopsAsk and mlopsTrain return, "
                    + "unchanged.");
        }
        return value;
    }

    private static Number number(final Map<?, ?> map, final String key) throws AbortException {
        Object value = map.get(key);
        if (value instanceof Number number) {
            return number;
        }
        try {
            return Double.valueOf(required(map, key));
        }
        catch (NumberFormatException e) {
            throw new AbortException("'" + key + "' must be a number, not '" + value + "'.");
        }
    }

    private static Double decimal(final Map<?, ?> map, final String key) throws AbortException {
        return map.get(key) == null ? null : number(map, key).doubleValue();
    }

    private static List<String> strings(final Object value) {
        List<String> strings = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }
}
