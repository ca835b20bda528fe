package io.jenkins.plugins.mlops.engine.util;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps credentials out of logs, messages and files. */
public final class Secrets {
    /**
     * The user info of a URL: after the scheme and one to three slashes (JGit prints {@code http:///:TOKEN@host}),
     * everything up to the last {@code @} before the host's first {@code /}, {@code ?}, {@code #} or the line's end.
     * It may hold spaces and tabs (a pasted token); on a line with a path-less URL and a later {@code @} more is
     * masked than needed, never less.
     */
    private static final Pattern URL_USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*:/{1,3})[^/?#\\r\\n]*@");
    private static final String MASK = "****";

    private Secrets() {
    }

    /** {@code text} with the user-info of every URL in it replaced: {@code https://u:p@h/x} → {@code https://****@h/x}. */
    public static String maskUrls(final String text) {
        if (text == null) {
            return null;
        }
        Matcher matcher = URL_USER_INFO.matcher(text);
        return matcher.replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK + "@"));
    }

    /** {@code text} with every occurrence of each non-empty secret replaced by a mask, and URLs masked. */
    public static String mask(final String text, final String... secrets) {
        if (text == null) {
            return null;
        }
        String masked = text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                masked = masked.replace(secret, MASK);
            }
        }
        return maskUrls(masked);
    }
}
