package io.haat.notification.email;

import io.haat.notification.NotificationProperties;
import io.haat.notification.delivery.ChannelSender;
import io.haat.notification.delivery.Delivery;
import io.haat.notification.delivery.DeliveryFailedException;
import io.haat.notification.directory.Contact;
import io.haat.notification.directory.Directory;
import io.haat.notification.feed.Notification;
import io.haat.notification.notice.Channel;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends a notification as an HTML mail with a plain-text alternative over SMTP. The address comes from the local
 * copy of the user at sending time: an address not known yet (the user's events not consumed yet) is retried.
 */
@Component
class EmailSender implements ChannelSender {

    private final JavaMailSender mail;
    private final Directory directory;
    private final EmailTemplates templates;
    private final NotificationProperties properties;

    EmailSender(JavaMailSender mail, Directory directory, EmailTemplates templates,
                NotificationProperties properties) {
        this.mail = mail;
        this.directory = directory;
        this.templates = templates;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean send(Notification notification, Delivery delivery) {
        Contact recipient = directory.contact(notification.userId()).orElseThrow(() ->
                new DeliveryFailedException("no email address known for user " + notification.userId(), false));
        RenderedEmail email = templates.render(notification, recipient);
        try {
            MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
            helper.setFrom(properties.mailFrom());
            helper.setTo(recipient.email());
            helper.setSubject(email.subject());
            helper.setText(email.text(), email.html());
            message.setHeader("X-Haat-Notification", notification.id());
            mail.send(message);
            return true;
        } catch (MessagingException e) {
            throw new DeliveryFailedException("cannot build the mail: " + e.getMessage(), true, e);
        } catch (MailException e) {
            throw new DeliveryFailedException("SMTP: " + e.getMessage(), false, e);
        }
    }
}
