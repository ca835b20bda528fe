package io.jenkins.plugins.mlops.engine.config;

import java.nio.file.Files;
import java.nio.file.Path;

/** What a {@code train.dataset} value names: a host folder (relative to the workspace) or a Docker volume. */
public final class DatasetSource {
    private DatasetSource() {
    }

    /** Whether {@code configured} names a Docker volume: a bare word that is no folder of {@code base}. */
    public static boolean isVolume(final Path base, final String configured) {
        return !(configured.contains("/") || configured.startsWith(".")
                || Files.isDirectory(base.resolve(configured)));
    }

    /** The absolute folder, or the volume name, that {@code configured} names; {@code null} stays {@code null}. */
    public static String of(final Path base, final String configured) {
        if (configured == null) {
            return null;
        }
        return isVolume(base, configured) ? configured
                : base.resolve(configured).toAbsolutePath().normalize().toString();
    }
}
