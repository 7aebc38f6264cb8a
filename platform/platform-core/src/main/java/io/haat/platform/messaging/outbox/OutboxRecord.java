package io.haat.platform.messaging.outbox;

import java.util.Map;

/** One Kafka message waiting in an outbox: where it goes, its key, its value (the envelope JSON) and its headers. */
public record OutboxRecord(String topic, String key, String value, Map<String, String> headers) {

    public OutboxRecord {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
