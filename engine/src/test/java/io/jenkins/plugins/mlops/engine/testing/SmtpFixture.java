package io.jenkins.plugins.mlops.engine.testing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A real SMTP server on loopback (GreenMail) for tests that send mail, and helpers to look into what arrived.
 * Register it with {@code @RegisterExtension static final GreenMailExtension SMTP = SmtpFixture.smtpServer();}.
 */
public final class SmtpFixture {
    /** The sender the fixture's environment uses. */
    public static final String FROM = "mlops@example.com";

    private SmtpFixture() {
    }

    /** A plain SMTP server on 127.0.0.1 and a free port, fresh for each test. */
    public static GreenMailExtension smtpServer() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());
    }

    /** An SMTPS server (TLS from the first byte, GreenMail's self-signed certificate) on 127.0.0.1, a free port. */
    public static GreenMailExtension smtpsServer() {
        return new GreenMailExtension(ServerSetupTest.SMTPS.dynamicPort());
    }

    /** The {@code MLOPS_SMTP_*}/{@code MLOPS_MAIL_*} environment that sends to {@code server} for {@code to}. */
    public static Map<String, String> environment(final GreenMailExtension server, final String to) {
        Map<String, String> env = new HashMap<>();
        env.put("MLOPS_SMTP_HOST", "127.0.0.1");
        env.put("MLOPS_SMTP_PORT", String.valueOf(server.getSmtp().getPort()));
        env.put("MLOPS_SMTP_SECURITY", "none");
        env.put("MLOPS_MAIL_FROM", FROM);
        env.put("MLOPS_MAIL_TO", to);
        return env;
    }

    /** Waits (up to 10 s) for {@code count} mails and returns them. */
    public static MimeMessage[] awaitMails(final GreenMailExtension server, final int count) {
        if (!server.waitForIncomingEmail(10_000, count)) {
            throw new AssertionError("expected " + count + " mail(s), got " + server.getReceivedMessages().length);
        }
        return server.getReceivedMessages();
    }

    /** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first body part of MIME type {@code mimeType} (e.g. {@code text/plain}) as text, searching nested parts. */
    public static Optional<String> textOf(final Part message, final String mimeType) {
        try {
            return findPart(message, part -> part.isMimeType(mimeType)).map(SmtpFixture::content);
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body part with {@code Content-ID: <contentId>}, searching nested parts. */
    public static Optional<Part> partWithContentId(final Part message, final String contentId) {
        try {
            return findPart(message, part -> {
                String[] ids = part.getHeader("Content-ID");
                return ids != null && ids.length > 0 && ids[0].equals("<" + contentId + ">");
            });
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes of {@code part}'s decoded content. */
    public static byte[] bytesOf(final Part part) {
        try (InputStream in = part.getInputStream()) {
            return in.readAllBytes();
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface PartTest {
        boolean matches(Part part) throws MessagingException;
    }

    private static Optional<Part> findPart(final Part part, final PartTest test)
            throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                Optional<Part> found = findPart(child, test);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }
        return test.matches(part) ? Optional.of(part) : Optional.empty();
    }

    private static String content(final Part part) {
        try {
            return String.valueOf(part.getContent());
        }
        catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
