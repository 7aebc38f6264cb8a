package io.haat.platform.messaging.outbox;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One outbox row claimed by the relay.
 *
 * @param blocked an earlier row with the same topic and key is still unsent and not in this batch
 *                (held by another relay or waiting for a retry), so this one must wait to keep
 *                per-aggregate order
 */
public record OutboxMessage(UUID id, String topic, String key, String payload, Map<String, String> headers,
                            int attempts, boolean blocked) implements OutboxStore.Entry {

    @Override
    public List<OutboxRecord> records() {
        return List.of(new OutboxRecord(topic, key, payload, headers));
    }

    @Override
    public boolean mustWait() {
        return blocked;
    }

    @Override
    public String label() {
        return "outbox message " + id + " to " + topic;
    }
}
