package io.haat.notification.email;

/** A mail ready to send: subject, plain-text part and HTML part. */
public record RenderedEmail(String subject, String text, String html) {
}
