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

    /**
     * Wraps a domain event in a fresh envelope; the type is the event record's simple name.
     *
     * @param occurredAt when the event happened: the publisher's injected {@code Clock}, so tests can pin it
     */
    public static <E extends DomainEvent> EventEnvelope<E> of(E event, long aggregateVersion, Instant occurredAt) {
        return new EventEnvelope<>(UUID.randomUUID(), event.getClass().getSimpleName(), occurredAt,
                event.aggregateId(), aggregateVersion, event);
    }

    /**
     * As {@link #of(DomainEvent, long, Instant)}, stamped with the system clock. For tests and fixtures that build
     * a message by hand; the platform publishers ({@code EventPublisher}, {@code MongoOutbox}) pass their
     * {@code Clock} instead.
     */
    public static <E extends DomainEvent> EventEnvelope<E> of(E event, long aggregateVersion) {
        return of(event, aggregateVersion, Instant.now());
    }
}
