package io.haat.notification.feed;

import io.haat.notification.notice.NotificationType;
import java.time.Instant;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification of one user. Its id is the notice's ({@code eventId:type:userId}), so inserting it is the
 * once-only step of a source event: a redelivered event finds it there. It is recorded also when the user switched
 * the in-app feed off for its type ({@code inApp} false: not listed), so it still deduplicates the other channels.
 */
@Document("notifications")
@CompoundIndex(name = "feed", def = "{'userId': 1, 'inApp': 1, 'createdAt': -1}")
public record Notification(@Id String id, String userId, NotificationType type, String title, String body,
                           String link, Map<String, Object> data, boolean inApp, boolean read, Instant createdAt) {
}
