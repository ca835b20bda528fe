package io.jenkins.plugins.mlops.engine.util;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes as operators write them ({@code 512m}, {@code 4g}, {@code 100MB}, {@code 1.5g}; a bare number is bytes), one
 * reading for every front end: mlops.yml, the CLI's variables and the Jenkins global configuration.
 */
public final class ByteSize {
    /** What a size must look like, for messages. */
    public static final String EXPECTED = "a size like 512m, 4g or 100MB, above zero and at most 1024g";

    private static final double MAX_BYTES = 1024.0 * 1024 * 1024 * 1024;
    private static final Pattern SIZE =
            Pattern.compile("(?i)(\\d{1,15}(?:\\.\\d{1,6})?)\\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?");

    private ByteSize() {
    }

    /** The bytes {@code text} stands for; empty when it is no size, or not above zero and at most 1024g. */
    public static OptionalLong parse(final String text) {
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        String unit = matcher.group(2) == null ? "b" : matcher.group(2).toLowerCase(Locale.ROOT);
        long factor = switch (unit.charAt(0)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1L;
        };
        double bytes = Math.floor(Double.parseDouble(matcher.group(1)) * factor);
        return bytes < 1 || bytes > MAX_BYTES ? OptionalLong.empty() : OptionalLong.of((long) bytes);
    }
}
