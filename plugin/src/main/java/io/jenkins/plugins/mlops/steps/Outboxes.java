package io.jenkins.plugins.mlops.steps;

import io.jenkins.plugins.mlops.engine.model.RunStateStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.TreeMap;

/**
 * The workspace's mail outbox ({@code .mlops/outbox/*.eml}), where the agent renders mails that the controller
 * sends: read on the agent after a mailing step, emptied of what the controller sent.
 */
final class Outboxes {
    private Outboxes() {
    }

    /** The rendered mails waiting in {@code workspace}'s outbox, by file name, oldest name first. */
    static LinkedHashMap<String, byte[]> read(final Path workspace) {
        TreeMap<String, byte[]> mails = new TreeMap<>();
        Path outbox = folder(workspace);
        if (!Files.isDirectory(outbox)) {
            return new LinkedHashMap<>();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(outbox, "*.eml")) {
            for (Path file : files) {
                if (Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    mails.put(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read the mail outbox " + outbox, e);
        }
        return new LinkedHashMap<>(mails);
    }

    /** Removes the mails the controller sent; names that are not plain file names are ignored. */
    static void remove(final Path workspace, final List<String> sent) throws IOException {
        Path outbox = folder(workspace);
        for (String name : sent) {
            if (name.endsWith(".eml") && !name.contains("/") && !name.contains("\\")) {
                Files.deleteIfExists(outbox.resolve(name));
            }
        }
    }

    private static Path folder(final Path workspace) {
        return workspace.resolve(RunStateStore.STATE_DIR).resolve("outbox");
    }
}
