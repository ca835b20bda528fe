package io.jenkins.plugins.mlops.engine.notify;

import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.util.AtomicFiles;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The folder where mails go as {@code .eml} files (openable by any mail client) when no SMTP server is set. */
final class Outbox {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Outbox() {
    }

    /** Writes {@code message} atomically to a new file in {@code folder} and returns its path. */
    static Path write(final Path folder, final MimeMessage message, final String chainId, final Instant at)
            throws IOException, MessagingException {
        ByteArrayOutputStream eml = new ByteArrayOutputStream();
        message.writeTo(eml);
        String base = "mlops-" + STAMP.format(at) + "-" + safe(chainId);
        // The outbox under .mlops is the tool's own folder: no link there may lead the mail out of the workspace.
        Files.createDirectories(StateFolder.check(folder));
        Path file = folder.resolve(base + ".eml");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(base + "-" + n + ".eml");
        }
        AtomicFiles.write(file, eml.toByteArray());
        return file;
    }

    /** The chain id as a file-name part: letters, digits and dashes, at most 36. */
    private static String safe(final String chainId) {
        String safe = chainId == null ? "run" : chainId.replaceAll("[^A-Za-z0-9-]", "_");
        return safe.length() <= 36 ? safe : safe.substring(0, 36);
    }
}
