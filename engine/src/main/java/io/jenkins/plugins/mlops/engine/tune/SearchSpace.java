package io.jenkins.plugins.mlops.engine.tune;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.Serializable;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The named parameters a study searches over, each with its {@link Distribution}. Names are kept sorted, so that
 * samplers draw them in the same order whatever map the configuration came in.
 *
 * @param parameters the distribution of each parameter, by name
 */
public record SearchSpace(SortedMap<String, Distribution> parameters) implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final String EXAMPLE = "e.g. hidden_units: {type: int, low: 2, high: 128, log: true}, "
            + "learning_rate: {type: float, low: 1e-4, high: 1e-1, log: true}, solver: {type: choice, values: [adam, sgd]}";

    public SearchSpace {
        parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
    }

    /** Whether the space has no parameter. */
    public boolean isEmpty() {
        return parameters.isEmpty();
    }

    /** The parameter names, sorted. */
    public Set<String> names() {
        return parameters.keySet();
    }

    /**
     * The search space of the {@code search_space:} section of mlops.yml as the YAML parser gives it: a map from
     * parameter name to a map with {@code type} ({@code int}, {@code float} or {@code choice}) and its settings.
     *
     * @param section the parsed section
     * @return the search space
     * @throws MlopsException of kind INPUT naming the parameter and the fix when an entry is wrong
     */
    public static SearchSpace fromYaml(final Map<String, Object> section) {
        TreeMap<String, Distribution> parameters = new TreeMap<>();
        section.forEach((name, entry) -> parameters.put(name, parse(name, entry)));
        return new SearchSpace(parameters);
    }

    private static Distribution parse(final String name, final Object entry) {
        if (!(entry instanceof Map<?, ?> settings)) {
            throw bad(name, "is not a map with a type", EXAMPLE);
        }
        Object type = settings.get("type");
        if ("int".equals(type)) {
            return parseInt(name, settings);
        }
        if ("float".equals(type)) {
            double low = number(name, settings, "low");
            double high = number(name, settings, "high");
            boolean log = flag(name, settings);
            checkBounds(name, low, high, log);
            return new Distribution.FloatRange(low, high, log);
        }
        if ("choice".equals(type)) {
            if (!(settings.get("values") instanceof List<?> values) || values.isEmpty() || values.contains(null)) {
                throw bad(name, "has no list of values", "write values: [adam, sgd]");
            }
            return new Distribution.Choice(List.copyOf(values));
        }
        throw bad(name, "has type '" + type + "'", "use type: int, type: float or type: choice");
    }

    private static Distribution parseInt(final String name, final Map<?, ?> settings) {
        double low = number(name, settings, "low");
        double high = number(name, settings, "high");
        double step = settings.containsKey("step") ? number(name, settings, "step") : 1;
        boolean log = flag(name, settings);
        if (low != Math.rint(low) || high != Math.rint(high) || step != Math.rint(step) || step < 1) {
            throw bad(name, "is an int range with a fraction or a step below 1",
                    "use whole numbers for low, high and step, or type: float");
        }
        if (log && step != 1) {
            throw bad(name, "has log: true and a step", "drop the step or the log");
        }
        checkBounds(name, low, high, log);
        return new Distribution.IntRange((long) low, (long) high, (long) step, log);
    }

    private static void checkBounds(final String name, final double low, final double high, final boolean log) {
        if (low > high) {
            throw bad(name, "has low " + low + " above high " + high, "swap them");
        }
        if (log && low <= 0) {
            throw bad(name, "has log: true and low " + low, "use a low above 0 (log space has no 0)");
        }
    }

    private static double number(final String name, final Map<?, ?> settings, final String key) {
        Object value = settings.get(key);
        if (value instanceof Number number && Double.isFinite(number.doubleValue())) {
            return number.doubleValue();
        }
        // YAML 1.1 reads 1e-4 (no dot) as a string, and people write it that way.
        if (value instanceof String text) {
            try {
                double parsed = Double.parseDouble(text.trim());
                if (Double.isFinite(parsed)) {
                    return parsed;
                }
            }
            catch (NumberFormatException e) {
                // reported below with the key
            }
        }
        throw bad(name, value == null ? "has no " + key : "has " + key + " '" + value + "', not a number",
                "write " + key + ": <number>");
    }

    private static boolean flag(final String name, final Map<?, ?> settings) {
        Object log = settings.get("log");
        if (log == null || log instanceof Boolean) {
            return Boolean.TRUE.equals(log);
        }
        throw bad(name, "has log '" + log + "'", "write log: true or log: false");
    }

    private static MlopsException bad(final String name, final String problem, final String fix) {
        return MlopsException.input("The search_space parameter '" + name + "' in mlops.yml " + problem + "; " + fix
                + ".");
    }
}
