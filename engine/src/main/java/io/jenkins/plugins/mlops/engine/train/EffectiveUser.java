package io.jenkins.plugins.mlops.engine.train;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import io.jenkins.plugins.mlops.engine.util.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Whether an image's {@code USER} makes the script run as root: not only {@code root} and {@code 0}, but every way
 * Docker reads uid 0 ({@code 00}, {@code 0:0}, {@code root:root}, a name whose passwd line has uid 0). Names are
 * looked up in the image's own {@code /etc/passwd}, as Docker does when the container starts.
 */
final class EffectiveUser {
    /** The passwd file of an image does not change under its id. */
    private static final Map<String, Boolean> ROOT_BY_IMAGE_AND_USER = new ConcurrentHashMap<>();
    /** Resolved ids (an empty array when the name is not in the image). */
    private static final Map<String, int[]> IDS_BY_IMAGE_AND_USER = new ConcurrentHashMap<>();
    private static final int MAX_PASSWD_BYTES = 1 << 20;

    private EffectiveUser() {
    }

    /** Whether {@code user} (the image's USER, maybe {@code name:group}) is uid 0, with {@code uidOfName} for names. */
    static boolean isRoot(final String user, final Function<String, OptionalLong> uidOfName) {
        String trimmed = user == null ? "" : user.trim();
        String name = trimmed.contains(":") ? trimmed.substring(0, trimmed.indexOf(':')) : trimmed;
        if (name.isEmpty() || "root".equals(name)) {
            return true;
        }
        if (name.chars().allMatch(Character::isDigit)) {
            return new BigInteger(name).signum() == 0;
        }
        OptionalLong uid = uidOfName.apply(name);
        return uid.isPresent() && uid.getAsLong() == 0;
    }

    /** Whether {@code image} runs as root; a name is looked up in a created (never started) container of it. */
    static boolean isRoot(final DockerClient docker, final TrainerImage image, final Map<String, String> labels) {
        return ROOT_BY_IMAGE_AND_USER.computeIfAbsent(image.id() + "\n" + image.user(),
                key -> isRoot(image.user(), name -> uidIn(passwd(docker, image, labels), name)));
    }

    /**
     * The uid of {@code name} in passwd-format {@code text}, read as Docker's own parser reads it (the user the
     * container really runs as): each line trimmed, and a uid that is not a plain number (padded, a word) counts as 0.
     */
    static OptionalLong uidIn(final String text, final String name) {
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split(":", -1);
            if (fields.length > 2 && fields[0].equals(name)) {
                return OptionalLong.of(fields[2].matches("\\d{1,18}") ? Long.parseLong(fields[2]) : 0);
            }
        }
        return OptionalLong.empty();
    }

    /**
     * The numeric uid and gid a container of {@code image} runs as when its user is {@code user}, as Docker reads it:
     * numbers as they are ({@code uid} alone gives {@code uid:uid}, as the copies always did), a name and a group name
     * looked up in the image's own {@code /etc/passwd} and {@code /etc/group} (a name without group gets its passwd
     * line's group); {@code null} when a name is not there. The files the copies write into a container belong to
     * these ids: the daemon's own way ({@code copyUIDGID}) looks a name up on the Docker host, not in the image.
     */
    static int[] ids(final DockerClient docker, final TrainerImage image, final String user,
            final Map<String, String> labels) {
        int[] numeric = ContainerSpec.numericIds(user);
        if (numeric != null) {
            return numeric;
        }
        int[] found = IDS_BY_IMAGE_AND_USER.computeIfAbsent(image.id() + "\n" + user, key -> {
            String[] parts = user.split(":", 2);
            String[] line = line(etcFile(docker, image, labels, "/etc/passwd"), parts[0]);
            if (line == null || !line[2].trim().matches("\\d{1,9}") || !line[3].trim().matches("\\d{1,9}")) {
                return new int[0];
            }
            int uid = Integer.parseInt(line[2].trim());
            if (parts.length == 1) {
                return new int[] {uid, Integer.parseInt(line[3].trim())};
            }
            if (parts[1].matches("\\d{1,9}")) {
                return new int[] {uid, Integer.parseInt(parts[1])};
            }
            String[] group = line(etcFile(docker, image, labels, "/etc/group"), parts[1]);
            return group == null || !group[2].trim().matches("\\d{1,9}") ? new int[0]
                    : new int[] {uid, Integer.parseInt(group[2].trim())};
        });
        return found.length == 0 ? null : found;
    }

    /** The fields of the line for {@code name} in passwd- or group-format {@code text}, or {@code null}. */
    private static String[] line(final String text, final String name) {
        for (String line : text.split("\n")) {
            String[] fields = line.trim().split(":", -1);
            if (fields.length > 3 && fields[0].equals(name)) {
                return fields;
            }
        }
        return null;
    }

    private static String passwd(final DockerClient docker, final TrainerImage image,
            final Map<String, String> labels) {
        return etcFile(docker, image, labels, "/etc/passwd");
    }

    private static String etcFile(final DockerClient docker, final TrainerImage image,
            final Map<String, String> labels, final String path) {
        String id = docker.createContainerCmd(image.id()).withCmd("/mlops-never-started").withLabels(labels)
                .withNetworkDisabled(true).exec().getId();
        try (InputStream in = docker.copyArchiveFromContainerCmd(id, path).exec();
                TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            if (tar.getNextEntry() == null) {
                return "";
            }
            return new String(tar.readNBytes(MAX_PASSWD_BYTES), StandardCharsets.UTF_8);
        }
        catch (NotFoundException e) {
            // No such file: Docker cannot resolve the name either, and the training fails to start, saying so.
            return "";
        }
        catch (IOException e) {
            throw MlopsException.infrastructure("Cannot read " + path + " of image " + image.name() + " to see "
                    + "which ids its user " + image.user() + " has: " + e.getMessage() + ". Check the Docker daemon.",
                    e);
        }
        finally {
            docker.removeContainerCmd(id).withForce(true).withRemoveVolumes(true).exec();
        }
    }
}
