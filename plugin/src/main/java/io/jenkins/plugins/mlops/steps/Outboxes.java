package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.engine.model.ChainStateStore;
import io.jenkins.plugins.mlops.engine.model.StateFolder;
import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The workspace's mail outbox ({@code .mlops/outbox/*.eml}), where the agent renders mails that the controller
 * sends. The folder is in the checkout, so a pushed repository can put files there: only the file the step itself
 * rendered goes to the controller, never whatever the folder holds, since the controller sends with the operator's
 * SMTP login (an open relay otherwise, past the recipients policy).
 */
final class Outboxes {
    /** The most of one rendered mail that goes to the controller; ours (text, HTML, one chart) is far smaller. */
    static final int MAX_MAIL_BYTES = 10 * 1024 * 1024;

    private Outboxes() {
    }

    /**
     * The mail the step rendered into {@code file}, by file name, for the controller to send; empty (with a warning
     * in {@code log}) when it is not a plain file of the outbox or larger than {@link #MAX_MAIL_BYTES}, so that it
     * stays in the outbox.
     *
     * @param workspace the workspace
     * @param file      the outbox file the engine reported writing, or {@code null} when it rendered none
     * @param log       the build log
     */
    static LinkedHashMap<String, byte[]> rendered(final Path workspace, final Path file, final RunLog log) {
        LinkedHashMap<String, byte[]> mails = new LinkedHashMap<>();
        if (file == null) {
            return mails;
        }
        Path mail = file.toAbsolutePath().normalize();
        if (!folder(workspace).equals(mail.getParent()) || !mail.getFileName().toString().endsWith(".eml")
                || !Files.isRegularFile(mail, LinkOption.NOFOLLOW_LINKS)) {
            log.error("notify: WARNING the rendered mail %s is not a file of the outbox %s; it is not sent", mail,
                    folder(workspace));
            return mails;
        }
        try (InputStream in = Files.newInputStream(mail, LinkOption.NOFOLLOW_LINKS)) {
            byte[] eml = in.readNBytes(MAX_MAIL_BYTES + 1);
            if (eml.length > MAX_MAIL_BYTES) {
                log.error("notify: WARNING the rendered mail %s is larger than %d MiB, more than the controller "
                        + "sends; it stays in the outbox", mail, MAX_MAIL_BYTES / (1024 * 1024));
                return mails;
            }
            mails.put(mail.getFileName().toString(), eml);
        }
        catch (IOException e) {
            log.error("notify: WARNING cannot read the rendered mail %s (%s); it stays in the outbox", mail,
                    e.getMessage());
        }
        return mails;
    }

    /** Removes the mails the controller sent; names that are not plain file names are ignored. */
    static void remove(final Path workspace, final List<String> sent) throws IOException {
        // A link .mlops/outbox -> elsewhere (planted in a bare folder) must not make the controller's answer delete there.
        Path outbox = StateFolder.check(folder(workspace));
        for (String name : sent) {
            if (name.endsWith(".eml") && !name.contains("/") && !name.contains("\\")) {
                Files.deleteIfExists(outbox.resolve(name));
            }
        }
    }

    private static Path folder(final Path workspace) {
        return workspace.toAbsolutePath().normalize().resolve(ChainStateStore.STATE_DIR).resolve("outbox");
    }
}
