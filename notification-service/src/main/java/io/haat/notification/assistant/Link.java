package io.haat.notification.assistant;

/** A link the assistant offers with its reply: a page of the shop ({@code /products/…}, {@code /orders}, …). */
public record Link(String title, String href) {
}
