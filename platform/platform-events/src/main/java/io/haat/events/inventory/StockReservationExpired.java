package io.haat.events.inventory;

import io.haat.events.DomainEvent;

/** A reservation was not confirmed in time and its stock was released. */
public record StockReservationExpired(String orderId) implements DomainEvent {
    @Override
    public String aggregateId() {
        return orderId;
    }
}
