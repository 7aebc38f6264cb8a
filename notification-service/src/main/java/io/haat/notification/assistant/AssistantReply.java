package io.haat.notification.assistant;

import java.util.List;

/**
 * The assistant's answer: the text, links to act on it, the conversation to continue, what kind of answer it is
 * ({@code FAQ}, {@code PRODUCTS}, {@code ORDERS}, {@code SIGN_IN}, {@code UNSURE}) and, for a FAQ answer, its id.
 */
public record AssistantReply(String reply, List<Link> links, String conversationId, String kind, String faqId) {
}
