package io.haat.platform.messaging;

import io.haat.events.DomainEvent;

/** The domain event of the messaging tests. */
public record TestEvent(String aggregateId, String note) implements DomainEvent {
}
