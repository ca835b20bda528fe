package io.jenkins.plugins.mlops.engine.train;

import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The Dockerfile of one of this project's own trainer images, as shipped in the engine jar (the build copies the
 * {@code Dockerfiles/} folder there), so that a missing image can be built on any agent without a checkout of this
 * project.
 *
 * @param folder the Dockerfile folder in this project, e.g. {@code Dockerfiles/sklearn}
 * @param text   the Dockerfile
 */
record ProjectDockerfile(String folder, String text) {
    private static final String IMAGES_RESOURCE = "/io/jenkins/plugins/mlops/engine/model/trainer-images.properties";
    private static final String DOCKERFILES_RESOURCE = "/io/jenkins/plugins/mlops/engine/train/dockerfiles/";
    private static final Pattern FROM = Pattern.compile("(?im)^\\s*FROM\\s+(\\S+)");
    private static final Pattern MINUTES = Pattern.compile("(?m)^# Builds in about (\\d+) minutes?");
    private static final Pattern CONTEXT_FILES = Pattern.compile("(?im)^\\s*(COPY|ADD)\\s");

    /** The Dockerfile folder (in this project) of our own image {@code image}, if it is one. */
    static Optional<String> folderOf(final String image) {
        Properties images = new Properties();
        try (InputStream in = ProjectDockerfile.class.getResourceAsStream(IMAGES_RESOURCE)) {
            if (in != null) {
                images.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return images.stringPropertyNames().stream().map(images::getProperty)
                .map(value -> value.split("\\|", 2))
                .filter(tagAndDir -> tagAndDir.length == 2 && tagAndDir[0].trim().equals(image))
                .map(tagAndDir -> tagAndDir[1].trim())
                .findFirst();
    }

    /** The shipped Dockerfile of our own image {@code image}; empty for other images. */
    static Optional<ProjectDockerfile> forImage(final String image) {
        return folderOf(image).flatMap(ProjectDockerfile::inFolder);
    }

    /** The shipped Dockerfile of {@code folder} (e.g. {@code Dockerfiles/sklearn}), if the jar has it. */
    static Optional<ProjectDockerfile> inFolder(final String folder) {
        String name = folder.substring(folder.lastIndexOf('/') + 1);
        try (InputStream in = ProjectDockerfile.class.getResourceAsStream(DOCKERFILES_RESOURCE + name
                + "/Dockerfile")) {
            return in == null ? Optional.empty()
                    : Optional.of(new ProjectDockerfile(folder, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image it starts {@code FROM}. */
    String baseImage() {
        Matcher from = FROM.matcher(text);
        if (!from.find()) {
            throw MlopsException.input("The Dockerfile of " + folder + " has no FROM line. Rebuild the engine jar.");
        }
        return from.group(1);
    }

    /** How long its first build takes on 2 cores, as its header says ({@code # Builds in about N minutes}). */
    OptionalInt buildMinutes() {
        Matcher minutes = MINUTES.matcher(text);
        return minutes.find() ? OptionalInt.of(Integer.parseInt(minutes.group(1))) : OptionalInt.empty();
    }

    /** Whether it builds from the Dockerfile alone: no COPY or ADD needing files of a build context. */
    boolean selfContained() {
        return !CONTEXT_FILES.matcher(text).find();
    }

    /** A build context holding only the Dockerfile, as the tar stream the daemon's build API takes. */
    byte[] context() {
        byte[] dockerfile = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("Dockerfile");
            entry.setSize(dockerfile.length);
            entry.setMode(0644);
            tar.putArchiveEntry(entry);
            tar.write(dockerfile);
            tar.closeArchiveEntry();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
