package io.jenkins.plugins.mlops.engine.notify;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Turns {@link MailContent} into a MIME message: {@code multipart/alternative} of plain text and HTML, where the
 * HTML sits in a {@code multipart/related} with the chart PNG attached inline by Content-ID.
 */
final class MimeMessages {
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private MimeMessages() {
    }

    static MimeMessage build(final Session session, final String from, final List<String> recipients,
            final MailContent content, final Instant sentAt) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(from, true));
        for (String recipient : recipients) {
            message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        }
        message.setSubject(content.subject(), UTF_8);
        message.setSentDate(Date.from(sentAt));
        // RFC 3834: tells auto-responders (vacation replies) not to answer a machine.
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Mailer", "mlops");

        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(content.text(), UTF_8, "plain");
        alternative.addBodyPart(text);
        alternative.addBodyPart(htmlPart(content));
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart htmlPart(final MailContent content) throws MessagingException {
        MimeBodyPart html = new MimeBodyPart();
        html.setText(content.html(), UTF_8, "html");
        if (!content.hasChart()) {
            return html;
        }
        MimeBodyPart chart = new MimeBodyPart();
        chart.setDataHandler(new DataHandler(new ByteArrayDataSource(content.chartPng(), "image/png")));
        chart.setContentID("<" + MailContent.CHART_CONTENT_ID + ">");
        chart.setDisposition(Part.INLINE);
        chart.setFileName("trial-chart.png");

        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        related.addBodyPart(chart);
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(related);
        return wrapper;
    }
}
