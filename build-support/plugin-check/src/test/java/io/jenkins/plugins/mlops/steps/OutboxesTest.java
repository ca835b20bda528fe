package io.jenkins.plugins.mlops.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.engine.util.RunLog;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What of the outbox goes to the controller: the one file the step rendered, bounded, and only if it is a plain file
 * of the outbox (a link or a file elsewhere, which the repository could have put there, is not read).
 */
class OutboxesTest {
    @TempDir
    private Path workspace;

    private final RunLog log = new RunLog();

    @Test
    void shouldShipTheRenderedFile() throws IOException {
        Path mail = mail("mlops-1.eml", "To: dev@example.com\r\n\r\nhi\r\n");

        assertThat(Outboxes.rendered(workspace, mail, log)).containsOnlyKeys("mlops-1.eml");
        assertThat(Outboxes.rendered(workspace, null, log)).isEmpty();
    }

    /** A mail above the bound is not read into memory: it stays in the outbox, and the log says so. */
    @Test
    void shouldKeepAMailAboveTheBound() throws IOException {
        Path mail = mail("mlops-2.eml", "");
        try (RandomAccessFile file = new RandomAccessFile(mail.toFile(), "rw")) {
            file.setLength(Outboxes.MAX_MAIL_BYTES + 1L);
        }

        assertThat(Outboxes.rendered(workspace, mail, log)).isEmpty();
        assertThat(log.getErrorMessages()).anySatisfy(line -> assertThat(line).contains("larger than 10 MiB"));
        assertThat(mail).exists();
    }

    @Test
    void shouldNotReadALinkOrAFileOutsideTheOutbox() throws IOException {
        Path elsewhere = Files.writeString(workspace.resolve("secret.eml"), "To: anyone@elsewhere.example\r\n\r\n");
        Path outbox = Files.createDirectories(workspace.resolve(".mlops/outbox"));
        Path link = Files.createSymbolicLink(outbox.resolve("mlops-3.eml"), elsewhere);

        assertThat(Outboxes.rendered(workspace, link, log)).isEmpty();
        assertThat(Outboxes.rendered(workspace, elsewhere, log)).isEmpty();
        assertThat(log.getErrorMessages()).hasSize(2);
    }

    private Path mail(final String name, final String content) throws IOException {
        Path outbox = Files.createDirectories(workspace.resolve(".mlops/outbox"));
        return Files.writeString(outbox.resolve(name), content, StandardCharsets.UTF_8);
    }
}
