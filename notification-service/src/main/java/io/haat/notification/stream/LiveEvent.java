package io.haat.notification.stream;

import java.time.Instant;

/**
 * One live update for one user, as sent on {@code GET /stream} (SSE) and on the user's STOMP queue
 * {@code /user/queue/updates}.
 *
 * @param id   increasing across the service instance (and across restarts: seeded from the clock); the SSE
 *             {@code id:} a reconnecting client sends back as {@code Last-Event-ID}
 * @param type what happened, e.g. {@code order.placed}, {@code chat.message}; the SSE {@code event:} name
 * @param data the payload, serialised as JSON
 * @param at   when the update was published
 */
public record LiveEvent(long id, String type, Object data, Instant at) {
}
