package io.haat.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON envelope of every Kafka message: a unique id for idempotent consumers, the event type,
 * when it happened, which aggregate it belongs to (also the message key) and that aggregate's version.
 */
public record EventEnvelope<P>(UUID eventId, String type, Instant occurredAt, String aggregateId,
                               long aggregateVersion, P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
    }

    /** Wraps a domain event in a fresh envelope; the type is the event record's simple name. */
    public static <E extends DomainEvent> EventEnvelope<E> of(E event, long aggregateVersion) {
        return new EventEnvelope<>(UUID.randomUUID(), event.getClass().getSimpleName(), Instant.now(),
                event.aggregateId(), aggregateVersion, event);
    }
}
