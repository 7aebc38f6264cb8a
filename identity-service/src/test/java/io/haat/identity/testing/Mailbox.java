package io.haat.identity.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/** The mails Keycloak sent through the test SMTP server, by recipient. */
public final class Mailbox {

    private static final Pattern ACTION_LINK = Pattern.compile("href=\"(http[^\"]*/login-actions/action-token\\?[^\"]+)\"");

    private final GreenMail mail;

    Mailbox(GreenMail mail) {
        this.mail = mail;
    }

    public List<MimeMessage> to(String recipient) {
        return Arrays.stream(mail.getReceivedMessages()).filter(message -> addressedTo(message, recipient)).toList();
    }

    /** Waits for the {@code count}-th mail to {@code recipient} and returns the action link of the newest one. */
    public String awaitActionLink(String recipient, int count) {
        Awaitility.await("mail #" + count + " to " + recipient).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> to(recipient).size() >= count);
        List<MimeMessage> messages = to(recipient);
        return actionLink(messages.get(messages.size() - 1))
                .orElseThrow(() -> new AssertionError("no action link in the mail to " + recipient));
    }

    public static Optional<String> actionLink(MimeMessage message) {
        Matcher link = ACTION_LINK.matcher(html(message));
        return link.find() ? Optional.of(link.group(1).replace("&amp;", "&")) : Optional.empty();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every part of the mail (HTML and plain text) one after the other. */
    public static String body(MimeMessage message) {
        return html(message);
    }

    /** The content types of the mail's parts, e.g. {@code text/plain; charset=UTF-8}. */
    public static List<String> partTypes(MimeMessage message) {
        try {
            if (message.getContent() instanceof Multipart multipart) {
                List<String> types = new java.util.ArrayList<>();
                for (int i = 0; i < multipart.getCount(); i++) {
                    types.add(multipart.getBodyPart(i).getContentType());
                }
                return types;
            }
            return List.of(message.getContentType());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read mail", e);
        }
    }

    private static String html(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof Multipart multipart) {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart part = multipart.getBodyPart(i);
                    text.append(part.getContent());
                }
                return text.toString();
            }
            return String.valueOf(content);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read mail", e);
        }
    }

    private static boolean addressedTo(Message message, String recipient) {
        try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(recipient));
        } catch (MessagingException e) {
            return false;
        }
    }
}
