package io.haat.notification.notice;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One message for one user, made from one source event: what the feed shows, what the mail and the push say.
 *
 * @param sourceEventId the {@code eventId} of the event it comes from: with the user and type, its identity, so a
 *                      redelivered event makes no second message
 * @param link          a path in the web app ({@code /orders/…}), made absolute with the configured base URL
 * @param data          ids and figures for the clients and the templates (the order id for order events)
 */
public record Notice(String sourceEventId, String userId, NotificationType type, String title, String body,
                     String link, Map<String, Object> data) {

    public Notice {
        Objects.requireNonNull(sourceEventId, "sourceEventId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        body = body == null ? "" : body;
        Map<String, Object> present = new LinkedHashMap<>();
        if (data != null) {
            data.forEach((key, value) -> {
                if (value != null) {
                    present.put(key, value);
                }
            });
        }
        data = Collections.unmodifiableMap(present);
    }

    /** The notification's id: one per source event, user and type. */
    public String id() {
        return sourceEventId + ":" + type.name() + ":" + userId;
    }
}
