package io.jenkins.plugins.mlops.engine.config;

import io.jenkins.plugins.mlops.engine.util.ByteSize;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of merged configuration values. Every failure names the key, where it came from, what was found and
 * what would be right, so a user can fix it without reading code.
 */
final class ConfigValues {
    private static final Pattern DURATION = Pattern.compile("(?i)(?:(\\d+)h)?\\s*(?:(\\d+)m)?\\s*(?:(\\d+)s)?");
    /** Container folders a dataset may not be mounted at or under. */
    private static final List<String> RESERVED_MOUNTS = List.of("/workspace", "/mlops", "/proc", "/sys", "/dev", "/etc", "/usr",
            "/bin", "/sbin", "/lib", "/lib64");
    private static final Duration MAX_DURATION = Duration.ofDays(30);

    private final Map<String, Object> values;
    private final Map<String, String> origins;

    ConfigValues(final Map<String, Object> values, final Map<String, String> origins) {
        this.values = values;
        this.origins = origins;
    }

    boolean has(final String key) {
        return values.get(key) != null;
    }

    Object raw(final String key) {
        return values.get(key);
    }

    String string(final String key, final String fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Map || value instanceof List) {
            throw bad(key, value, "a single value");
        }
        return value.toString();
    }

    String oneOf(final String key, final String fallback, final String... allowed) {
        String value = string(key, fallback);
        for (String candidate : allowed) {
            if (candidate.equalsIgnoreCase(value)) {
                return candidate;
            }
        }
        throw bad(key, value, "one of " + String.join(", ", allowed));
    }

    /** One of the constants of {@code fallback}'s enum, by its word ({@code id}); case is ignored. */
    <E extends Enum<E>> E choice(final String key, final E fallback, final Function<E, String> id) {
        E[] all = fallback.getDeclaringClass().getEnumConstants();
        String word = oneOf(key, id.apply(fallback), Arrays.stream(all).map(id).toArray(String[]::new));
        return Arrays.stream(all).filter(e -> id.apply(e).equals(word)).findFirst().orElseThrow();
    }

    int integer(final String key, final int fallback, final int min, final int max) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(value.toString().trim());
        }
        catch (NumberFormatException e) {
            throw bad(key, value, "a whole number from " + min + " to " + max);
        }
        // Compared as exact decimals, so that 4294967297 is refused rather than wrapped to 1.
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(min)) < 0 || number.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw bad(key, value, "a whole number from " + min + " to " + max);
        }
        return number.intValueExact();
    }

    double decimal(final String key, final double fallback, final double min, final double max) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(value.toString().trim());
        }
        catch (NumberFormatException e) {
            throw bad(key, value, "a number from " + min + " to " + max);
        }
        if (Double.isNaN(number) || number < min || number > max) {
            throw bad(key, value, "a number from " + min + " to " + max);
        }
        return number;
    }

    boolean bool(final String key, final boolean fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = value.toString().trim().toLowerCase(Locale.ROOT);
        if (List.of("true", "yes", "on").contains(text)) {
            return true;
        }
        if (List.of("false", "no", "off").contains(text)) {
            return false;
        }
        throw bad(key, value, "true or false");
    }

    Duration duration(final String key, final Duration fallback) {
        Object value = values.get(key);
        return value == null ? fallback : parseDuration(key, value, origin(key));
    }

    long size(final String key, final long fallback) {
        Object value = values.get(key);
        return value == null ? fallback : parseSize(key, value, origin(key));
    }

    /** A duration like 90s, 30m, 2h or 1h30m (a bare number is seconds), above zero and at most 30 days. */
    static Duration parseDuration(final String key, final Object value, final String origin) {
        String text = value.toString().trim();
        if (value instanceof Number n) {
            text = n + "s";
        }
        Matcher matcher = DURATION.matcher(text);
        if (text.isEmpty() || !matcher.matches() || (matcher.group(1) == null && matcher.group(2) == null
                && matcher.group(3) == null)) {
            throw bad(origin, key, value, "a duration like 90s, 30m, 2h or 1h30m");
        }
        Duration duration;
        try {
            duration = Duration.ofHours(group(matcher, 1)).plusMinutes(group(matcher, 2))
                    .plusSeconds(group(matcher, 3));
        }
        catch (ArithmeticException | NumberFormatException e) {
            duration = MAX_DURATION.plusSeconds(1);
        }
        if (duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw bad(origin, key, value, "a duration above zero and at most 720h, like 90s, 30m or 2h");
        }
        return duration;
    }

    /** A size like 512m, 4g or 100MB (a bare number is bytes), above zero and at most 1024g. */
    static long parseSize(final String key, final Object value, final String origin) {
        return ByteSize.parse(value.toString()).orElseThrow(() -> bad(origin, key, value, ByteSize.EXPECTED));
    }

    /**
     * A folder in the container to mount the dataset at: absolute and plain, and not one the container needs for
     * itself (the workspace, the system folders, the root), which Docker would refuse or the training would lose.
     */
    String mountPoint(final String key, final String fallback) {
        String value = string(key, fallback);
        String expected = "an absolute folder in the container such as /data, not /, /workspace or a system folder "
                + "(" + String.join(", ", RESERVED_MOUNTS) + ")";
        if (!value.startsWith("/") || value.chars().anyMatch(c -> Character.isISOControl(c) || c == ':' || c == ',')
                || !value.equals(normalized(value))) {
            throw bad(key, value, expected);
        }
        for (String reserved : RESERVED_MOUNTS) {
            if (value.equals("/") || value.equals(reserved) || value.startsWith(reserved + "/")) {
                throw bad(key, value, expected);
            }
        }
        return value;
    }

    private static String normalized(final String path) {
        String normal = Path.of(path).normalize().toString();
        return path.endsWith("/") && path.length() > 1 ? normal + "/" : normal;
    }

    List<String> strings(final String key, final List<String> fallback) {
        Object value = values.get(key);
        if (value == null) {
            return fallback;
        }
        List<String> result = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map || item instanceof List || item == null) {
                    throw bad(key, value, "a list of words");
                }
                result.add(item.toString().trim());
            }
        }
        else {
            for (String part : value.toString().split(",")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    MlopsException bad(final String key, final Object value, final String expected) {
        return bad(origin(key), key, value, expected);
    }

    static MlopsException bad(final String origin, final String key, final Object value, final String expected) {
        return MlopsException.input(origin + ": '" + key + "' is " + quote(value) + ", expected " + expected + ".");
    }

    /** Where the value of {@code key} came from, as the user knows it (a file, "option"). */
    String origin(final String key) {
        return origins.getOrDefault(key, "configuration");
    }

    private static String quote(final Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }

    private static long group(final Matcher matcher, final int group) {
        return matcher.group(group) == null ? 0 : Long.parseLong(matcher.group(group));
    }
}
