package io.haat.platform.messaging.mongo;

import java.time.Instant;
import java.util.Map;

/**
 * An event waiting to be published, stored in the {@code outbox} array of the very document whose change it
 * describes (so it is written, or not, with that change). {@code envelope} is the complete message value.
 */
public record PendingEvent(String eventId, String topic, String key, String envelope, Map<String, String> headers,
                           Instant createdAt) {

    public PendingEvent {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
