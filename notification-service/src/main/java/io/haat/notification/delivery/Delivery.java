package io.haat.notification.delivery;

import io.haat.notification.notice.Channel;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification to send over one channel: the queue entry and, by its id ({@code notificationId:channel}), the
 * once-only record of that message. Claimed by moving {@code dueAt} past a lease, so a worker that dies leaves it
 * due again; a failure moves {@code dueAt} by the backoff.
 */
@Document("deliveries")
@CompoundIndex(name = "due", def = "{'status': 1, 'dueAt': 1}")
public record Delivery(@Id String id, String notificationId, String userId, Channel channel, Status status,
                       int attempts, Instant dueAt, String lastError, Instant createdAt, Instant doneAt,
                       Set<String> doneTargets) {

    public Delivery {
        doneTargets = doneTargets == null ? Set.of() : Set.copyOf(doneTargets);
    }

    public enum Status { PENDING, SENT, SKIPPED, FAILED }

    public static String idOf(String notificationId, Channel channel) {
        return notificationId + ":" + channel.name();
    }
}
