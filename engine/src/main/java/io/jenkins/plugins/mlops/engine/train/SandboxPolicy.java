package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.util.ByteSize;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.util.Locale;
import java.util.Map;

/**
 * What the operator allows training containers, beyond the safe defaults. Only the operator sets it (Jenkins global
 * configuration, the CLI's environment); a repository's mlops.yml cannot, since the repository is what the sandbox
 * guards against.
 *
 * @param allowRoot         run the script as the image's user even when that is root (uid 0); otherwise such an
 *                          image runs as {@value ContainerSpec#FALLBACK_USER}
 * @param maxFileBytes      the largest single file copied back out of a container
 * @param maxTotalBytes     the most bytes copied back out of one container in all
 */
public record SandboxPolicy(boolean allowRoot, long maxFileBytes, long maxTotalBytes) {
    /** Environment variable: {@code true} lets images run as root. */
    public static final String ALLOW_ROOT = "MLOPS_ALLOW_ROOT";
    /** Environment variable: the per-file copy-back limit, bytes or with a unit ({@code 2g}, {@code 512m}; {@link ByteSize}). */
    public static final String MAX_FILE = "MLOPS_COPY_BACK_MAX_FILE";
    /** Environment variable: the total copy-back limit per trial, bytes or with a unit. */
    public static final String MAX_TOTAL = "MLOPS_COPY_BACK_MAX_TOTAL";
    /** No root; 2 GiB per file and 4 GiB in all. */
    public static final SandboxPolicy DEFAULT = new SandboxPolicy(false, 2L << 30, 4L << 30);

    public SandboxPolicy {
        if (maxFileBytes <= 0 || maxTotalBytes <= 0) {
            throw MlopsException.input("The copy-back limits must be above zero, not " + maxFileBytes + " / "
                    + maxTotalBytes + " bytes.");
        }
    }

    /** The policy the operator set with {@link #ALLOW_ROOT}, {@link #MAX_FILE} and {@link #MAX_TOTAL}. */
    public static SandboxPolicy fromEnvironment(final Map<String, String> environment) {
        return of(flag(environment, ALLOW_ROOT), size(environment, MAX_FILE), size(environment, MAX_TOTAL));
    }

    /**
     * The policy of a front end's typed settings (the Jenkins global configuration): what the operator left unset
     * ({@code null}) keeps {@link #DEFAULT}'s value.
     */
    public static SandboxPolicy of(final boolean allowRoot, final Long maxFileBytes, final Long maxTotalBytes) {
        return new SandboxPolicy(allowRoot, maxFileBytes == null ? DEFAULT.maxFileBytes() : maxFileBytes,
                maxTotalBytes == null ? DEFAULT.maxTotalBytes() : maxTotalBytes);
    }

    private static boolean flag(final Map<String, String> environment, final String key) {
        String value = environment.get(key);
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw MlopsException.input(key + "=" + value + " is not a yes/no value; set " + key
                    + "=true or false.");
        };
    }

    private static Long size(final Map<String, String> environment, final String key) {
        String value = environment.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        return ByteSize.parse(value).orElseThrow(() -> MlopsException.input(key + "=" + value + " is not "
                + ByteSize.EXPECTED + "; set " + key + " so."));
    }
}
