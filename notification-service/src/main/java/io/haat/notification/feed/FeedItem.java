package io.haat.notification.feed;

import io.haat.notification.notice.NotificationType;
import java.time.Instant;
import java.util.Map;

/** A notification as the feed, the live channel and the push payload show it. */
public record FeedItem(String id, NotificationType type, String title, String body, String link,
                       Map<String, Object> data, boolean read, Instant createdAt) {

    public static FeedItem of(Notification n) {
        return new FeedItem(n.id(), n.type(), n.title(), n.body(), n.link(), n.data(), n.read(), n.createdAt());
    }
}
